using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.Client.Tests.Examples;

/// <summary>The complete Program.cs of docs/client.md is examples/ClientQuickstart/Program.cs, which the solution builds.</summary>
public sealed class ClientQuickstartDocTests
{
    [Fact]
    public void The_complete_program_of_the_client_page_is_the_client_quickstart_example()
    {
        // Arrange
        var shown = RepositoryFiles.FirstCSharpBlockAfter(RepositoryFiles.Read("docs", "client.md"), "## A complete Program.cs");

        // Act
        var built = RepositoryFiles.Read("examples", "ClientQuickstart", "Program.cs");

        // Assert
        shown.TrimEnd().Should().Be(built.TrimEnd());
    }
}
