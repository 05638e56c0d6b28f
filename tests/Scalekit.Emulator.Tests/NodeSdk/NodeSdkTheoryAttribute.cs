namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>A theory over the node tests: skipped with how to install Node.js when they cannot run, except on CI, where it fails.</summary>
public sealed class NodeSdkTheoryAttribute : TheoryAttribute
{
    public NodeSdkTheoryAttribute() => Skip = NodeSdkPackage.SkipReason;
}
