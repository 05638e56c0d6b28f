namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>The first example of docs/testing.md ("Testing your API") is <c>ReadmeExampleTests.cs</c>, so it compiles and passes.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void The_first_example_of_Testing_your_API_is_ReadmeExampleTests()
    {
        // Arrange
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "docs", "testing.md"));
        var section = readme[readme.IndexOf("## Testing your API", StringComparison.Ordinal)..];
        var start = section.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var example = section[start..section.IndexOf("```\n", start, StringComparison.Ordinal)];

        // Act
        var tested = File.ReadAllLines(Path.Combine(root, "tests", "Scalekit.AspNetCore.Testing.Tests", "ReadmeExampleTests.cs"))
            .Where(line => !line.StartsWith("// The first example of docs/testing.md", StringComparison.Ordinal)
                           && !line.StartsWith("namespace ReadmeExample;", StringComparison.Ordinal));

        // Assert
        Normalize(string.Join('\n', tested)).Should().Be(Normalize(example));
    }

    /// <summary>The folder of Scalekit.AspNetCore.sln, above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Scalekit.AspNetCore.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Scalekit.AspNetCore.sln above {AppContext.BaseDirectory}.");
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
