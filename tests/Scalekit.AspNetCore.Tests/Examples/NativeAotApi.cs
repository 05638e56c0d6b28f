using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// examples/AotApi published as a native executable, at <c>artifacts/aot/AotApi/AotApi</c>. <c>.ci/run</c> publishes it
/// before the tests (and fails on an IL or AOT warning); when it is missing or older than its sources, the tests publish
/// it themselves, which needs <c>clang</c> and <c>zlib1g-dev</c>. Without them the native tests are skipped, with how to
/// install them, except on CI (<c>CI=true</c>), where they fail.
/// </summary>
public static partial class NativeAotApi
{
    public const string InstallHint =
        "The native AotApi is not published (artifacts/aot/AotApi/AotApi, or it is older than its sources) and cannot be: " +
        "native AOT needs clang and zlib1g-dev. Install them as root with `apt-get install -y clang zlib1g-dev` (.ci/run does) " +
        "to run the route contract against the native executable.";

    /// <summary>A publish that takes longer than this fails the tests rather than holding CI.</summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static string Directory { get; } = Path.Combine(RepositoryFiles.Root, "artifacts", "aot", "AotApi");

    public static string Executable { get; } = Path.Combine(Directory, "AotApi");

    /// <summary>The output of the publish that made <see cref="Executable"/>: written by <c>.ci/run</c> or by <see cref="EnsurePublishedAsync"/>.</summary>
    public static string PublishLog { get; } = Path.Combine(RepositoryFiles.Root, "artifacts", "aot", "AotApi.publish.log");

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the native tests cannot run here, or <see langword="null"/> when they can (or must, on CI).</summary>
    public static string? SkipReason => IsCi || IsUpToDate() || CanPublish() ? null : InstallHint;

    /// <summary>The lines of a publish output that are trimming or AOT warnings (or such warnings raised to errors).</summary>
    public static IReadOnlyList<string> AnalysisWarnings(string publishOutput) =>
        publishOutput.Split('\n').Where(line => AnalysisWarning().IsMatch(line)).Select(line => line.TrimEnd()).ToList();

    /// <summary>Publishes AotApi natively unless an up-to-date executable and its publish log are there; fails on any IL or AOT warning.</summary>
    public static async Task EnsurePublishedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (IsUpToDate() && File.Exists(PublishLog))
            {
                return;
            }

            if (!CanPublish())
            {
                throw new InvalidOperationException(IsCi ? $"CI=true, so the native AotApi tests must run, but: {InstallHint}" : InstallHint);
            }

            await PublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task PublishAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "publish", Path.Combine(RepositoryFiles.Root, "examples", "AotApi", "AotApi.csproj"),
                "-c", "Release", "-r", "linux-x64", "-o", Directory, "-nologo",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        // Below the tests running beside it (MSBuild and the native compiler inherit it), so that their timings hold.
        publish.PriorityClass = ProcessPriorityClass.BelowNormal;
        var output = new StringBuilder();
        publish.OutputDataReceived += (_, e) => Append(output, e.Data);
        publish.ErrorDataReceived += (_, e) => Append(output, e.Data);
        publish.BeginOutputReadLine();
        publish.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await publish.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            publish.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish examples/AotApi took over {PublishTimeout.TotalMinutes} minutes:\n{Text(output)}");
        }

        publish.WaitForExit(); // the last output lines
        var text = Text(output);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(PublishLog)!);
        await File.WriteAllTextAsync(PublishLog, text);
        if (publish.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"dotnet publish examples/AotApi failed (exit code {publish.ExitCode}):\n{text}");
        }

        AnalysisWarnings(text).Should().BeEmpty("the native publish of examples/AotApi must show no IL or AOT warning");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static bool CanPublish() =>
        OperatingSystem.IsLinux() && OnPath("clang") && (File.Exists("/usr/include/zlib.h") || File.Exists("/usr/local/include/zlib.h"));

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, program)));

    /// <summary>The executable exists and no source it is built from (code, project and settings files of the example, the shared routes and the library; the build settings) is newer.</summary>
    private static bool IsUpToDate()
    {
        if (!File.Exists(Executable))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(Executable);
        var root = RepositoryFiles.Root;
        string[] folders = [Path.Combine(root, "examples", "AotApi"), Path.Combine(root, "examples", "Shared"), Path.Combine(root, "src", "Scalekit.AspNetCore")];
        string[] files = [Path.Combine(root, "Directory.Build.props"), Path.Combine(root, "Directory.Packages.props"), Path.Combine(root, "global.json")];
        string[] kinds = [".cs", ".csproj", ".json", ".props", ".targets"];
        var sources = folders
            .SelectMany(folder => System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => kinds.Contains(Path.GetExtension(file), StringComparer.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(files.Where(File.Exists));
        return sources.All(file => File.GetLastWriteTimeUtc(file) <= built);
    }

    /// <summary>MSBuild's and ILC's forms: <c>warning IL2026</c>, <c>Trim analysis warning IL2026</c>, <c>AOT analysis warning IL3050</c>, and the same as errors.</summary>
    [GeneratedRegex(@"\b(warning|error) (IL|AOT)\d*", RegexOptions.CultureInvariant)]
    private static partial Regex AnalysisWarning();
}
