using System.Net;
using Scalekit.Client.Management;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Management;

/// <summary>Organizations listed and searched: as an async stream that follows the pages, and one page at a time.</summary>
public sealed class OrganizationListTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    private ScalekitManagementClient Management => environment.Management;

    [Fact]
    public async Task Twenty_five_organizations_in_pages_of_ten_are_listed_with_three_requests()
    {
        // Arrange: an empty environment of its own, so that the count is exact
        await using var host = await ManagementHost.StartAsync();
        var created = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            created.Add((await host.Management.CreateOrganizationAsync($"Customer {i}")).Id);
        }

        var before = host.Requests.Count;

        // Act
        var listed = await host.Management.ListOrganizationsAsync(pageSize: 10).Select(o => o.Id).ToListAsync();

        // Assert
        listed.Should().Equal(created);
        host.RequestsSince(before, "/api/v1/organizations").Should().HaveCount(3);
    }

    [Fact]
    public async Task Every_organization_is_listed_across_pages()
    {
        // Arrange: 23 more organizations than there are, read in pages of 10
        var existing = await Management.ListOrganizationsAsync().CountAsync();
        var created = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            created.Add((await Management.CreateOrganizationAsync($"Customer {i}")).Id);
        }

        // Act
        var listed = new List<string>();
        await foreach (var organization in Management.ListOrganizationsAsync(pageSize: 10))
        {
            listed.Add(organization.Id);
        }

        // Assert
        listed.Should().OnlyHaveUniqueItems().And.HaveCount(existing + 23).And.Contain(created).And.Contain(environment.OrganizationId);
    }

    [Fact]
    public async Task Stopping_early_fetches_no_further_page()
    {
        // Arrange
        await using var host = await ManagementHost.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            await host.Management.CreateOrganizationAsync($"Early {i}");
        }

        var before = host.Requests.Count;

        // Act
        var first = await host.Management.ListOrganizationsAsync(pageSize: 10).Take(3).ToListAsync();

        // Assert
        first.Should().HaveCount(3);
        host.RequestsSince(before, "/api/v1/organizations").Should().ContainSingle();
    }

    [Fact]
    public async Task An_organization_is_found_by_its_external_id()
    {
        // Arrange
        var externalId = "crm-" + Guid.NewGuid().ToString("N");
        var organization = await Management.CreateOrganizationAsync("Looney Corp", externalId);

        // Act
        var found = await Management.ListOrganizationsAsync(externalId: externalId).ToListAsync();

        // Assert
        found.Should().ContainSingle().Which.Should().BeEquivalentTo(new { organization.Id, DisplayName = "Looney Corp", ExternalId = externalId });
    }

    [Fact]
    public async Task A_page_carries_the_tokens_of_its_neighbours_and_the_total()
    {
        // Arrange
        await using var host = await ManagementHost.StartAsync();
        for (var i = 0; i < 25; i++)
        {
            await host.Management.CreateOrganizationAsync($"Paged {i}");
        }

        // Act
        var first = await host.Management.ListOrganizationsPageAsync(pageSize: 10);
        var second = await host.Management.ListOrganizationsPageAsync(pageSize: 10, pageToken: first.NextPageToken);
        var last = await host.Management.ListOrganizationsPageAsync(pageSize: 10, pageToken: second.NextPageToken);
        var back = await host.Management.ListOrganizationsPageAsync(pageSize: 10, pageToken: second.PrevPageToken);

        // Assert
        first.Should().BeEquivalentTo(new { TotalSize = 25, PrevPageToken = (string?)null }, o => o.ExcludingMissingMembers());
        first.Items.Should().HaveCount(10);
        first.NextPageToken.Should().NotBeNullOrEmpty();
        second.Items.Select(o => o.DisplayName).Should().Equal(Enumerable.Range(10, 10).Select(i => $"Paged {i}"));
        last.Items.Select(o => o.DisplayName).Should().Equal(Enumerable.Range(20, 5).Select(i => $"Paged {i}"));
        last.NextPageToken.Should().BeNull();
        back.Items.Should().BeEquivalentTo(first.Items);
    }

    [Fact]
    public async Task A_page_token_the_API_did_not_hand_out_is_refused_with_its_reason()
    {
        // Act
        var act = () => Management.ListOrganizationsPageAsync(pageToken: "not-a-token");

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Detail.Should().StartWith("page_token is not one this API returned");
    }

    [Fact]
    public void A_page_size_out_of_range_is_refused_by_the_call_before_any_request()
    {
        // Act
        var tooLarge = () => Management.ListOrganizationsAsync(pageSize: 101);
        var zero = () => Management.SearchOrganizationsAsync("acme", pageSize: 0);

        // Assert
        tooLarge.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("pageSize");
        zero.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task A_search_finds_every_match_across_pages_with_one_request_per_page()
    {
        // Arrange: 25 matches among others
        await using var host = await ManagementHost.StartAsync();
        var matches = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            matches.Add((await host.Management.CreateOrganizationAsync($"Initech {i}")).Id);
            await host.Management.CreateOrganizationAsync($"Globex {i}");
        }

        var before = host.Requests.Count;

        // Act
        var found = await host.Management.SearchOrganizationsAsync("initech", pageSize: 10).Select(o => o.Id).ToListAsync();

        // Assert
        found.Should().Equal(matches);
        host.RequestsSince(before, "/api/v1/organizations:search").Should().HaveCount(3)
            .And.OnlyContain(r => r.Contains("query=initech", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_matches_part_of_an_external_id()
    {
        // Arrange
        var marker = Guid.NewGuid().ToString("N");
        var organization = await Management.CreateOrganizationAsync("Umbrella", $"crm-{marker}-eu");

        // Act
        var page = await Management.SearchOrganizationsPageAsync(marker);

        // Assert
        page.Items.Should().ContainSingle().Which.Id.Should().Be(organization.Id);
        page.TotalSize.Should().Be(1);
        page.NextPageToken.Should().BeNull();
    }

    [Fact]
    public async Task A_search_query_over_the_limit_is_refused_with_the_APIs_reason()
    {
        // Act
        var act = () => Management.SearchOrganizationsAsync(new string('q', 257)).ToListAsync().AsTask();

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitManagementException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.Detail.Should().Be("query must be 3 to 256 characters.");
    }
}
