using FluentAssertions.Execution;
using Xunit.Abstractions;

namespace Scalekit.Emulator.Tests.NodeSdk;

/// <summary>
/// Scalekit's official Node SDK against the emulator: the <c>node:test</c> files of <c>tests/Scalekit.Emulator.NodeSdk/test</c>,
/// run once by <see cref="NodeSdkRun"/>, one row per node test.
/// </summary>
public sealed class NodeSdkTests(NodeSdkRun run, ITestOutputHelper output) : IClassFixture<NodeSdkRun>
{
    /// <summary>Node tests that show an emulator bug: their rows are skipped with the bug until the emulator is fixed.</summary>
    private static readonly string[] KnownEmulatorBugs = [];

    public static TheoryData<NodeTest> NodeTests() =>
        new(NodeSdkPackage.Tests.Except(KnownEmulatorBugs, StringComparer.Ordinal).Select(test => new NodeTest(test)));

    public static TheoryData<NodeTest> KnownEmulatorBug(string test) => NodeSdkPackage.Tests.Contains(test, StringComparer.Ordinal)
        ? new TheoryData<NodeTest>(new NodeTest(test))
        : throw new InvalidOperationException($"No node test is named '{test}': update {nameof(NodeSdkTests)}.{nameof(KnownEmulatorBugs)}.");

    [NodeSdkTheory]
    [MemberData(nameof(NodeTests))]
    public void The_node_test_passes(NodeTest test)
    {
        // Arrange, Act: NodeSdkRun ran the node suite once for the class.

        // Assert
        var failure = run.FailureOf(test.Name);
        failure.Should().BeNull();
    }

    [NodeSdkFact]
    public void Node_reports_exactly_the_tests_that_the_test_files_declare()
    {
        // Arrange, Act: NodeSdkRun ran the node suite once for the class.
        output.WriteLine($"{run.Tests.Count} node tests, {run.Ended()}.");
        output.WriteLine(run.Output);

        // Assert
        var context = run.Context() is { Length: > 0 } text ? ":\n" + text : "";
        using (new AssertionScope())
        {
            NodeSdkPackage.Tests.Except(run.Tests.Keys, StringComparer.Ordinal).Should().BeEmpty(
                "node must report every test that tests/Scalekit.Emulator.NodeSdk/test declares ({0}){1}", run.Ended(), context);
            run.Tests.Keys.Except(NodeSdkPackage.Tests, StringComparer.Ordinal).Should().BeEmpty(
                "node must report only tests that the files declare as test('…') or it('…') with a string literal");
        }
    }

    [NodeSdkFact]
    public void No_node_test_file_fails_outside_its_tests()
    {
        // Arrange, Act: NodeSdkRun ran the node suite once for the class.

        // Assert
        run.FailuresOutsideTests.Select(failure => $"{failure.File}: {failure.Message}").Should().BeEmpty(
            "a test file must load, end its process normally and leave nothing running that fails after its tests{0}",
            run.Context() is { Length: > 0 } context ? ":\n" + context : "");
    }
}
