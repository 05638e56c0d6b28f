namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>A fact about the node suite: skipped with how to install Node.js when it cannot run, except on CI, where it fails.</summary>
public sealed class NodeSdkFactAttribute : FactAttribute
{
    public NodeSdkFactAttribute() => Skip = NodeSdkPackage.SkipReason;
}
