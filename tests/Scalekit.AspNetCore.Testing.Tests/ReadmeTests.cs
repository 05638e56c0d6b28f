using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>The first example of docs/testing.md ("Testing your API") is <c>ReadmeExampleTests.cs</c>, so it compiles and passes.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void The_first_example_of_Testing_your_API_is_ReadmeExampleTests()
    {
        // Arrange
        var example = RepositoryFiles.FirstCSharpBlockAfter(RepositoryFiles.Read("docs", "testing.md"), "## Testing your API");

        // Act
        var tested = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests", "Scalekit.AspNetCore.Testing.Tests", "ReadmeExampleTests.cs"))
            .Where(line => !line.StartsWith("// The first example of docs/testing.md", StringComparison.Ordinal)
                           && !line.StartsWith("namespace ReadmeExample;", StringComparison.Ordinal));

        // Assert
        Normalize(string.Join('\n', tested)).Should().Be(Normalize(example));
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
