using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>
/// Runs the whole node suite once for <see cref="NodeSdkTests"/>: installs the package with <c>npm ci</c> when its
/// <c>node_modules</c> lacks the pinned SDK, starts the emulator in-process (HTTP/1.1 and h2c on one loopback port),
/// runs <c>node --test</c> on every test file with the emulator's address and environment credentials, and keeps each
/// node test's result. Nothing runs when the tests are skipped (<see cref="NodeSdkPackage.SkipReason"/>).
/// </summary>
public sealed class NodeSdkRun : IAsyncLifetime
{
    /// <summary>A safety net, not a measurement: the suite takes about ten seconds.</summary>
    public static readonly TimeSpan NodeLimit = TimeSpan.FromSeconds(120);

    public static readonly TimeSpan NpmLimit = TimeSpan.FromMinutes(3);

    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private List<NodeTestOutcome> _lines = [];

    public int? ExitCode { get; private set; }

    public bool TimedOut { get; private set; }

    public TimeSpan Duration { get; private set; }

    /// <summary>What node wrote to stdout: the spec reporter's account of the run.</summary>
    public string Output { get; private set; } = "";

    /// <summary>What the node process itself wrote to stderr (a test file's stderr is in <see cref="Context"/>).</summary>
    public string Error { get; private set; } = "";

    /// <summary>The node tests node reported, by <see cref="NodeSdkPackage.TestName"/>.</summary>
    public IReadOnlyDictionary<string, NodeTestOutcome> Tests { get; private set; } = new Dictionary<string, NodeTestOutcome>();

    /// <summary>Failures outside any test: a file that did not load, an error after its tests ended, a process that ended early.</summary>
    public IReadOnlyList<NodeTestOutcome> FailuresOutsideTests => _lines.Where(line => line is { Kind: "test", Name: null, Passed: false }).ToList();

    public IReadOnlyList<string> Diagnostics => _lines.Where(line => line.Kind == "diagnostic").Select(line => line.Text ?? "").ToList();

    public async Task InitializeAsync()
    {
        if (NodeSdkPackage.SkipReason is not null)
        {
            return;
        }

        if (NodeSdkPackage.MissingReason is { } missing)
        {
            throw new InvalidOperationException($"CI=true, so the Node SDK tests (tests/Scalekit.Emulator.NodeSdk) must run, but {missing}");
        }

        if (!NodeSdkPackage.IsInstalled)
        {
            await InstallAsync();
        }

        var results = Path.Combine(Path.GetTempPath(), $"scalekit-node-sdk-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var emulator = await ScalekitEmulatorHost.StartAsync())
            {
                await RunNodeAsync(emulator, results);
            }

            _lines = File.Exists(results)
                ? File.ReadLines(results).Where(line => line.Length > 0).Select(line => JsonSerializer.Deserialize<NodeTestOutcome>(line, _json)!).ToList()
                : [];
            Tests = _lines.Where(line => line is { Kind: "test", File: not null, Name: not null })
                .GroupBy(line => NodeSdkPackage.TestName(line.File!, line.Name!))
                .ToDictionary(group => group.Key, group => group.Last());
        }
        finally
        {
            File.Delete(results);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Why the node test <paramref name="test"/> did not pass, with what node said around it; <see langword="null"/> when it passed.</summary>
    public string? FailureOf(string test)
    {
        if (Tests.TryGetValue(test, out var outcome) && outcome.Passed)
        {
            return null;
        }

        var file = "test/" + test[..test.IndexOf(" › ", StringComparison.Ordinal)] + ".test.js";
        var text = new StringBuilder();
        text.AppendLine(outcome is null
            ? $"node reported no result for this test: it was renamed, never ran, or its file's process ended first ({Ended()})."
            : outcome.Status == "skip"
                ? $"node skipped this test ({outcome.Location}): run it, or delete it."
                : $"the node test failed at {outcome.Location}:\n{outcome.Message}");
        foreach (var failure in FailuresOutsideTests.Where(line => line.File == file))
        {
            text.AppendLine($"{file} failed outside its tests: {failure.Message}");
        }

        AppendContext(text, file);
        return text.ToString().TrimEnd();
    }

    /// <summary>What node said besides test results: a file's stderr, diagnostics and the node process's stderr.</summary>
    public string Context(string? file = null)
    {
        var text = new StringBuilder();
        AppendContext(text, file);
        return text.ToString().TrimEnd();
    }

    /// <summary>How the node process ended.</summary>
    public string Ended() => TimedOut
        ? $"node was killed after {NodeLimit.TotalSeconds:0} s"
        : $"node exited with code {ExitCode} after {Duration.TotalSeconds:0.0} s";

    private void AppendContext(StringBuilder text, string? file)
    {
        var stderr = string.Concat(_lines.Where(line => line.Kind == "stderr" && (file is null || line.File == file)).Select(line => line.Text));
        if (stderr.Length > 0)
        {
            text.AppendLine($"stderr of {file ?? "the test files"}:\n{stderr.TrimEnd()}");
        }

        foreach (var diagnostic in Diagnostics)
        {
            text.AppendLine($"node: {diagnostic}");
        }

        if (Error.Trim().Length > 0)
        {
            text.AppendLine($"stderr of node ({Ended()}):\n{Error.TrimEnd()}");
        }
    }

    private async Task RunNodeAsync(ScalekitEmulatorHost emulator, string results)
    {
        string[] arguments =
        [
            "--test",
            "--test-reporter=" + Path.Combine(NodeSdkPackage.Folder, "support", "json-reporter.js"),
            "--test-reporter-destination=" + results,
            "--test-reporter=spec",
            "--test-reporter-destination=stdout",
            .. NodeSdkPackage.TestFiles,
        ];
        var environment = new Dictionary<string, string?>
        {
            ["SCALEKIT_ENVIRONMENT_URL"] = emulator.EnvironmentUrl,
            ["SCALEKIT_CLIENT_ID"] = emulator.EnvironmentClientId,
            ["SCALEKIT_CLIENT_SECRET"] = emulator.EnvironmentClientSecret,
            ["NO_COLOR"] = "1",
            ["NODE_TEST_CONTEXT"] = null,
        };
        var clock = Stopwatch.StartNew();
        (ExitCode, Output, Error, TimedOut) = await ChildProcess.RunAsync(NodeSdkPackage.Node!, arguments, NodeSdkPackage.Folder, environment, NodeLimit);
        Duration = clock.Elapsed;
    }

    private static async Task InstallAsync()
    {
        if (NodeSdkPackage.Npm is not { } npm)
        {
            throw new InvalidOperationException($"tests/Scalekit.Emulator.NodeSdk/node_modules lacks the pinned SDK and npm is not on PATH. {NodeSdkPackage.InstallHint}");
        }

        var (exitCode, output, error, timedOut) = await ChildProcess.RunAsync(
            npm, ["ci", "--no-audit", "--no-fund"], NodeSdkPackage.Folder, new Dictionary<string, string?>(), NpmLimit);
        if (timedOut || exitCode != 0 || !NodeSdkPackage.IsInstalled)
        {
            throw new InvalidOperationException(
                $"`npm ci` in tests/Scalekit.Emulator.NodeSdk {(timedOut ? $"was killed after {NpmLimit.TotalMinutes:0} minutes" : $"exited with code {exitCode}")}:\n{output}\n{error}");
        }
    }
}
