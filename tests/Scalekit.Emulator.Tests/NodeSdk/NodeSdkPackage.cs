using System.Text.Json;
using System.Text.RegularExpressions;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>
/// <c>tests/Scalekit.Emulator.NodeSdk</c>: Scalekit's official Node SDK (<c>@scalekit-sdk/node</c>, pinned in its
/// <c>package-lock.json</c>) and the <c>node:test</c> files that run it against the emulator; and the <c>node</c>
/// and <c>npm</c> on <c>PATH</c> that run them. Without them the Node SDK tests are skipped with <see cref="SkipReason"/>,
/// except on CI (<c>CI=true</c>), where they fail: CI must not go green without them.
/// </summary>
public static partial class NodeSdkPackage
{
    /// <summary>The oldest Node.js whose test runner has what the suite uses (reporters, events with the file).</summary>
    public const int MinimumNodeMajorVersion = 20;

    public const string InstallHint =
        "Install Node.js 20 or later with npm (Debian: `apt-get install -y nodejs npm`); `.ci/run` does, and runs `npm ci` there.";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>The package's folder.</summary>
    public static string Folder { get; } = Path.Combine(RepositoryFiles.Root, "tests", "Scalekit.Emulator.NodeSdk");

    /// <summary>The test files, relative to <see cref="Folder"/> with '/': <c>test/*.test.js</c>, sorted.</summary>
    public static IReadOnlyList<string> TestFiles { get; } = Directory.GetFiles(Path.Combine(Folder, "test"), "*.test.js")
        .Select(path => "test/" + Path.GetFileName(path))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Every node test, by <see cref="TestName"/>, found by reading the test files.</summary>
    public static IReadOnlyList<string> Tests { get; } = TestFiles.SelectMany(DeclaredTests).ToArray();

    public static string? Node { get; } = FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node");

    public static string? Npm { get; } = FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm");

    /// <summary>On CI (<c>CI=true</c>) a missing node or npm fails the Node SDK tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the Node SDK tests cannot run here (no node, too old a node, no SDK installed and no npm), or <see langword="null"/>.</summary>
    public static string? MissingReason => Problem.Value;

    /// <summary>What a Node SDK test is skipped with: <see cref="MissingReason"/>, except on CI, where nothing is skipped.</summary>
    public static string? SkipReason => IsCi ? null : MissingReason;

    /// <summary>Whether <c>node_modules</c> holds the SDK version that <c>package-lock.json</c> pins.</summary>
    public static bool IsInstalled => InstalledSdkVersion() is { } installed && installed == LockedSdkVersion();

    /// <summary>How a node test is named in the xunit rows: <c>organizations › createOrganization …</c>.</summary>
    public static string TestName(string file, string name) =>
        Path.GetFileName(file)[..^".test.js".Length] + " › " + name;

    private static IEnumerable<string> DeclaredTests(string file)
    {
        var source = File.ReadAllText(Path.Combine(Folder, file));
        var names = DeclaredTest().Matches(source).Select(match => match.Groups["name"].Value).ToList();
        foreach (var name in names)
        {
            if (name.Contains("${", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{file}: the test name '{name}' is a template; name node tests with plain string literals.");
            }
        }

        var duplicate = names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{file}: two node tests are named '{duplicate.Key}'; each needs a name of its own.");
        }

        return names.Select(name => TestName(file, Unescape().Replace(name, "$1")));
    }

    private static string? FindProblem()
    {
        if (Node is null)
        {
            return $"node is not on PATH. {InstallHint}";
        }

        if (NodeMajorVersion() is not { } major || major < MinimumNodeMajorVersion)
        {
            return $"{Node} is not Node.js {MinimumNodeMajorVersion} or later. {InstallHint}";
        }

        return !IsInstalled && Npm is null
            ? $"npm is not on PATH, and tests/Scalekit.Emulator.NodeSdk/node_modules lacks @scalekit-sdk/node {LockedSdkVersion()}. {InstallHint}"
            : null;
    }

    private static int? NodeMajorVersion()
    {
        var (exitCode, output, _, _) = ChildProcess.RunAsync(Node!, ["--version"], Folder, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30))
            .GetAwaiter().GetResult();
        var version = NodeVersion().Match(output);
        return exitCode == 0 && version.Success ? int.Parse(version.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static string? LockedSdkVersion() => ReadJson(Path.Combine(Folder, "package-lock.json"), document =>
        document.RootElement.GetProperty("packages").GetProperty("node_modules/@scalekit-sdk/node").GetProperty("version").GetString());

    private static string? InstalledSdkVersion() => ReadJson(Path.Combine(Folder, "node_modules", "@scalekit-sdk", "node", "package.json"), document =>
        document.RootElement.GetProperty("version").GetString());

    private static string? ReadJson(string path, Func<JsonDocument, string?> read)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return read(document);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    // test('…', …) or it("…", …), also test.skip / test.only, at any indentation; the name is a string literal.
    [GeneratedRegex("""^[ \t]*(?:test|it)(?:\.(?:skip|only|todo))?\([ \t]*(?<quote>['"`])(?<name>(?:\\.|(?!\k<quote>).)*)\k<quote>""", RegexOptions.Multiline)]
    private static partial Regex DeclaredTest();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex Unescape();

    [GeneratedRegex(@"^v(?<major>\d+)\.")]
    private static partial Regex NodeVersion();
}
