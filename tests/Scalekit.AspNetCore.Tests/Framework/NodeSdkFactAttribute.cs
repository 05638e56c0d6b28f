namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// A fact that runs a script of <c>tests/Scalekit.Emulator.NodeSdk</c> with Scalekit's official Node SDK. Without
/// <c>node</c> or the installed SDK (<c>npm ci</c> there) it is skipped with how to install them, except under CI
/// (<c>CI=true</c>), where it runs and fails: CI must not go green without it.
/// </summary>
public sealed class NodeSdkFactAttribute : FactAttribute
{
    public static string Folder { get; } = Path.Combine(RepositoryFiles.Root, "tests", "Scalekit.Emulator.NodeSdk");

    public static string? Node { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
        .FirstOrDefault(File.Exists);

    public static string? MissingReason =>
        Node is null ? "node is not on PATH: install Node.js 20 or later with npm (.ci/run does)."
        : !Directory.Exists(Path.Combine(Folder, "node_modules", "@scalekit-sdk", "node")) ? "the Node SDK is not installed: run `npm ci` in tests/Scalekit.Emulator.NodeSdk (.ci/run does)."
        : null;

    public NodeSdkFactAttribute()
    {
        if (MissingReason is { } missing && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = missing;
        }
    }
}
