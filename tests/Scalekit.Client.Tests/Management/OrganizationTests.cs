using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Management;

/// <summary>Organizations, listed page by page as an async stream.</summary>
public sealed class OrganizationTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task Every_organization_is_listed_across_pages()
    {
        // Arrange: 23 more organizations than there are, read in pages of 10
        var existing = await environment.Management.ListOrganizationsAsync().CountAsync();
        var created = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            created.Add((await environment.Management.CreateOrganizationAsync($"Customer {i}")).Id);
        }

        // Act
        var listed = new List<string>();
        await foreach (var organization in environment.Management.ListOrganizationsAsync(pageSize: 10))
        {
            listed.Add(organization.Id);
        }

        // Assert
        listed.Should().OnlyHaveUniqueItems().And.HaveCount(existing + 23).And.Contain(created).And.Contain(environment.OrganizationId);
    }

    [Fact]
    public async Task An_organization_is_found_by_its_external_id()
    {
        // Arrange
        var externalId = "crm-" + Guid.NewGuid().ToString("N");
        var organization = await environment.Management.CreateOrganizationAsync("Looney Corp", externalId);

        // Act
        var found = await environment.Management.ListOrganizationsAsync(externalId: externalId).ToListAsync();

        // Assert
        found.Should().ContainSingle().Which.Should().BeEquivalentTo(new { organization.Id, DisplayName = "Looney Corp", ExternalId = externalId });
    }

    [Fact]
    public async Task Stopping_early_fetches_no_further_page()
    {
        // Arrange
        for (var i = 0; i < 12; i++)
        {
            await environment.Management.CreateOrganizationAsync($"Early {i}");
        }

        // Act
        var first = await environment.Management.ListOrganizationsAsync(pageSize: 10).Take(3).ToListAsync();

        // Assert
        first.Should().HaveCount(3);
    }
}
