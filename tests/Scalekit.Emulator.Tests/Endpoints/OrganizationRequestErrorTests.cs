using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>Bad requests to <c>/api/v1/organizations</c>: 400 with a problem body naming what was wrong, and nothing created.</summary>
public sealed class OrganizationRequestErrorTests(SharedEmulator shared) : SharedEmulatorTest(shared)
{
    private const string Organizations = "/api/v1/organizations";

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "display_name", "null", "display_name is required" },
        { "display_name", "\"   \"", "display_name is required" },
        { "display_name", JsonSerializer.Serialize(new string('n', 201)), "display_name is longer than 200" },
        { "region_code", "\"XX\"", "region_code must be US or EU" },
        { "logo_url", "\"http://acme.example/logo.png\"", "logo_url must be an https URL" },
        { "metadata", "{\"ab\":\"x\"}", "a key of 3 to 25 characters" },
        { "display_name", "42", "$.display_name" },
        { "external_id", JsonSerializer.Serialize(new string('e', 257)), "external_id is longer than 256" },
        { "region_code", "\"NORTH-AMERICA-EAST-1\"", "region_code must be US or EU" },
        { "metadata", "{\"tier\": null}", "metadata" },
        { "metadata", "[\"tier\"]", "$.metadata" },
        { "metadata", JsonSerializer.Serialize(new Dictionary<string, string> { ["tier"] = new('v', 1025) }), "metadata" },
    };

    /// <summary>A page_token the API did not issue, or a page_size outside 1 to 100.</summary>
    [Theory]
    [InlineData("page_token=garbage", "page_token")]
    [InlineData("page_token=%25%25%25", "page_token")]
    [InlineData("page_token=b2Zmc2V0Oi0x", "page_token")] // "offset:-1"
    [InlineData("page_token=bGltaXQ6MTA%3D", "page_token")] // "limit:10"
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=101", "page_size")]
    [InlineData("page_size=-1", "page_size")]
    [InlineData("page_size=ten", "page_size")]
    [InlineData("page_size=1.5", "page_size")]
    public async Task A_bad_page_parameter_is_a_bad_request_naming_it(string query, string parameter)
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}?{query}");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, parameter);
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_bad_request_naming_the_field(string field, string json, string detail)
    {
        // Arrange
        var body = new JsonObject { ["display_name"] = "Acme Corp", [field] = JsonNode.Parse(json) };
        var before = await CountAsync();

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Organizations, body);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await CountAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("text/plain", "display_name=Acme", "Content-Type: application/json")]
    [InlineData("application/json", "{\"display_name\":", "not valid")]
    [InlineData("application/json", "null", "empty")]
    public async Task A_body_that_is_not_a_json_object_is_a_bad_request(string mediaType, string body, string detail)
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Organizations, mediaType, body);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task A_body_in_an_unknown_charset_is_a_bad_request()
    {
        // Arrange
        using var content = new StringContent("{\"display_name\":\"Acme\"}");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=no-such-charset");

        // Act
        using var response = await Emulator.SendAsync(HttpMethod.Post, Organizations, content, await Emulator.GetEnvironmentTokenAsync());

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "could not be read");
    }

    private async Task<int> CountAsync() =>
        (await Emulator.ManageAsync(HttpMethod.Get, Organizations, null, HttpStatusCode.OK)).GetProperty("total_size").GetInt32();
}
