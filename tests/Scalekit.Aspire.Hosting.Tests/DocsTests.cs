using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.Aspire.Hosting.Tests;

/// <summary>docs/aspire.md shows examples/AppHost's Program.cs as it is, so the page's AppHost builds and runs.</summary>
public sealed class DocsTests
{
    [Fact]
    public void The_AppHost_of_docs_aspire_md_is_examples_AppHost_Program_cs()
    {
        // Arrange
        var documented = RepositoryFiles.FirstCSharpBlockAfter(RepositoryFiles.Read("docs", "aspire.md"), "## The example AppHost");

        // Act
        var program = RepositoryFiles.Read("examples", "AppHost", "Program.cs");

        // Assert
        Normalize(documented).Should().Be(Normalize(program));
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
