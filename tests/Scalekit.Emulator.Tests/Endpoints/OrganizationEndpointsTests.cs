using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

public sealed class OrganizationEndpointsTests : IAsyncLifetime
{
    private const string Organizations = "/api/v1/organizations";
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "display_name", "null", "display_name is required" },
        { "display_name", "\"   \"", "display_name is required" },
        { "display_name", JsonSerializer.Serialize(new string('n', 129)), "display_name is longer than 128" },
        { "display_name", "42", "$.display_name" },
        { "external_id", JsonSerializer.Serialize(new string('e', 257)), "external_id is longer than 256" },
        { "region_code", "\"NORTH-AMERICA-EAST-1\"", "region_code is longer than 16" },
        { "metadata", "{\"tier\": null}", "metadata" },
        { "metadata", "[\"tier\"]", "$.metadata" },
    };

    [Fact]
    public async Task Creating_an_organization_answers_201_with_the_organization()
    {
        // Arrange
        var body = new { display_name = "Looney Corp", external_id = "my_unique_id", region_code = "US", metadata = new { tier = "gold" } };

        // Act
        using var response = await _emulator.ManageAsync(HttpMethod.Post, Organizations, body);

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
        var id = await _emulator.CreateOrganizationAsync("Looney Corp", "my_unique_id");

        // Act
        var json = await _emulator.ManageAsync(HttpMethod.Get, $"{Organizations}/{id}", null, HttpStatusCode.OK);

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
        await _emulator.CreateOrganizationAsync("Other Corp", "other");
        var id = await _emulator.CreateOrganizationAsync("Looney Corp", "looney");

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
        await _emulator.CreateOrganizationAsync("Looney Corp", "looney");

        // Act
        using var response = await _emulator.ManageAsync(HttpMethod.Post, Organizations, new { display_name = "Looney Again", external_id = "looney" });

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "external_id 'looney'");
        (await ListAsync("")).GetProperty("total_size").GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("%%%")]
    [InlineData("b2Zmc2V0Oi0x")] // "offset:-1"
    [InlineData("bGltaXQ6MTA=")] // "limit:10"
    public async Task A_page_token_the_api_did_not_issue_is_a_bad_request(string pageToken)
    {
        // Act
        using var response = await _emulator.ManageAsync(HttpMethod.Get, $"{Organizations}?page_token={Uri.EscapeDataString(pageToken)}");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page_token");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public async Task A_page_size_outside_1_to_100_is_a_bad_request(string pageSize)
    {
        // Act
        using var response = await _emulator.ManageAsync(HttpMethod.Get, $"{Organizations}?page_size={pageSize}");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "page_size");
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_bad_request_naming_the_field(string field, string json, string detail)
    {
        // Arrange
        var body = new JsonObject { ["display_name"] = "Acme Corp", [field] = JsonNode.Parse(json) };

        // Act
        using var response = await _emulator.ManageAsync(HttpMethod.Post, Organizations, body);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await ListAsync("")).GetProperty("total_size").GetInt32().Should().Be(0);
    }

    [Theory]
    [InlineData("text/plain", "display_name=Acme", "Content-Type: application/json")]
    [InlineData("application/json", "{\"display_name\":", "not valid")]
    [InlineData("application/json", "null", "empty")]
    public async Task A_body_that_is_not_a_json_object_is_a_bad_request(string mediaType, string body, string detail)
    {
        // Arrange
        using var content = new StringContent(body, Encoding.UTF8, mediaType);

        // Act
        using var response = await _emulator.SendAsync(HttpMethod.Post, Organizations, content, await _emulator.GetEnvironmentTokenAsync());

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
    }

    private async Task<List<string>> CreateOrganizationsAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await _emulator.CreateOrganizationAsync($"Organization {i}", $"external-{i}"));
        }

        return ids;
    }

    private Task<JsonElement> ListAsync(string query) => _emulator.ManageAsync(HttpMethod.Get, Organizations + query, null, HttpStatusCode.OK);

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("id").GetString()!);
}
