using System.Net;
using System.Text.Json;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

public sealed class OrganizationEndpointsTests() : EmulatorTest(registerClient: false)
{
    private const string Organizations = "/api/v1/organizations";

    [Fact]
    public async Task Creating_an_organization_answers_201_with_the_organization()
    {
        // Arrange
        var body = new { display_name = "Looney Corp", external_id = "my_unique_id", region_code = "US", metadata = new { tier = "gold" } };

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Organizations, body);

        // Assert
        var organization = (await response.ShouldHaveStatusAsync(HttpStatusCode.Created)).GetProperty("organization");
        organization.PropertyNames().Should().BeEquivalentTo("id", "create_time", "update_time", "display_name", "region_code", "external_id", "metadata");
        organization.GetProperty("id").GetString().Should().MatchRegex(@"^org_\d{17}$");
        organization.GetProperty("display_name").GetString().Should().Be("Looney Corp");
        organization.GetProperty("external_id").GetString().Should().Be("my_unique_id");
        organization.GetProperty("region_code").GetString().Should().Be("US");
        organization.GetProperty("metadata").GetProperty("tier").GetString().Should().Be("gold");
    }

    [Fact]
    public async Task A_created_organization_can_be_read_back()
    {
        // Arrange
        var id = await Emulator.CreateOrganizationAsync("Looney Corp", "my_unique_id");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}/{id}", null, HttpStatusCode.OK);

        // Assert
        var organization = json.GetProperty("organization");
        organization.GetProperty("id").GetString().Should().Be(id);
        organization.GetProperty("display_name").GetString().Should().Be("Looney Corp");
        organization.GetProperty("external_id").GetString().Should().Be("my_unique_id");
    }

    [Fact]
    public async Task The_list_walks_forward_through_every_page_with_next_page_token()
    {
        // Arrange
        var created = await CreateOrganizationsAsync(25);

        // Act
        var pages = new List<JsonElement>();
        var token = "";
        do
        {
            var page = await ListAsync($"?page_size=10&page_token={Uri.EscapeDataString(token)}");
            pages.Add(page);
            token = page.GetProperty("next_page_token").GetString()!;
        }
        while (token.Length > 0);

        // Assert
        pages.Select(p => p.GetProperty("organizations").GetArrayLength()).Should().Equal(10, 10, 5);
        pages.Should().OnlyContain(p => p.GetProperty("total_size").GetInt32() == 25);
        pages.SelectMany(Ids).Should().Equal(created);
    }

    [Fact]
    public async Task The_list_walks_back_with_prev_page_token()
    {
        // Arrange
        var created = await CreateOrganizationsAsync(25);
        var first = await ListAsync("?page_size=10");
        var second = await ListAsync($"?page_size=10&page_token={Uri.EscapeDataString(first.GetProperty("next_page_token").GetString()!)}");
        var third = await ListAsync($"?page_size=10&page_token={Uri.EscapeDataString(second.GetProperty("next_page_token").GetString()!)}");

        // Act
        var back = await ListAsync($"?page_size=10&page_token={Uri.EscapeDataString(third.GetProperty("prev_page_token").GetString()!)}");
        var start = await ListAsync($"?page_size=10&page_token={Uri.EscapeDataString(back.GetProperty("prev_page_token").GetString()!)}");

        // Assert
        first.GetProperty("prev_page_token").GetString().Should().BeEmpty();
        third.GetProperty("next_page_token").GetString().Should().BeEmpty();
        Ids(back).Should().Equal(created.Skip(10).Take(10));
        Ids(start).Should().Equal(created.Take(10));
    }

    [Fact]
    public async Task The_list_has_ten_organizations_a_page_by_default()
    {
        // Arrange
        await CreateOrganizationsAsync(12);

        // Act
        var page = await ListAsync("");

        // Assert
        page.GetProperty("organizations").GetArrayLength().Should().Be(10);
        page.GetProperty("total_size").GetInt32().Should().Be(12);
        page.GetProperty("next_page_token").GetString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task An_empty_environment_lists_no_organizations_and_no_page_tokens()
    {
        // Act
        var page = await ListAsync("");

        // Assert
        page.PropertyNames().Should().BeEquivalentTo("organizations", "next_page_token", "prev_page_token", "total_size");
        page.GetProperty("organizations").GetArrayLength().Should().Be(0);
        page.GetProperty("next_page_token").GetString().Should().BeEmpty();
        page.GetProperty("prev_page_token").GetString().Should().BeEmpty();
        page.GetProperty("total_size").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task The_external_id_filter_finds_only_that_organization()
    {
        // Arrange
        await Emulator.CreateOrganizationAsync("Other Corp", "other");
        var id = await Emulator.CreateOrganizationAsync("Looney Corp", "looney");

        // Act
        var page = await ListAsync("?external_id=looney");

        // Assert
        Ids(page).Should().Equal(id);
        page.GetProperty("total_size").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_second_organization_with_the_same_external_id_is_a_conflict()
    {
        // Arrange
        await Emulator.CreateOrganizationAsync("Looney Corp", "looney");

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Organizations, new { display_name = "Looney Again", external_id = "looney" });

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "external_id 'looney'");
        (await ListAsync("")).GetProperty("total_size").GetInt32().Should().Be(1);
    }

    private async Task<List<string>> CreateOrganizationsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await Emulator.CreateOrganizationAsync($"Organization {i}", $"external-{i}"));
        }

        return ids;
    }

    private Task<JsonElement> ListAsync(string query) => Emulator.ManageAsync(HttpMethod.Get, Organizations + query, null, HttpStatusCode.OK);

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("id").GetString()!);
}
