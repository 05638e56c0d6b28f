using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>Each test works in an organization of its own, on an emulator shared by the class.</summary>
public sealed class ClientEndpointsTests(SharedEmulator shared) : SharedEmulatorTest(shared)
{
    private string _organization = null!;

    protected override async Task ArrangeAsync() => _organization = await Emulator.CreateOrganizationAsync();

    private string Clients => $"/api/v1/organizations/{_organization}/clients";

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "name", "null", "name is required" },
        { "name", "\"   \"", "name is required" },
        { "name", JsonSerializer.Serialize(new string('n', 129)), "name is longer than 128" },
        { "name", "42", "$.name" },
        { "description", JsonSerializer.Serialize(new string('d', 1025)), "description is longer than 1024" },
        { "scopes", "[\"read deployments\"]", "scopes entry 'read deployments'" },
        { "scopes", "[\"read:deployments\\t\"]", "scopes entry" },
        { "scopes", "[\"\"]", "scopes entry" },
        { "scopes", "[null]", "scopes entry" },
        { "scopes", "[\"read:deployments\", \"read:deployments\"]", "scopes has duplicate entries" },
        { "scopes", JsonSerializer.Serialize(Enumerable.Range(0, 51).Select(i => $"scope:{i}")), "scopes has more than 50" },
        { "scopes", JsonSerializer.Serialize(new[] { new string('s', 257) }), "scopes entry" },
        { "scopes", "\"read:deployments\"", "$.scopes" },
        { "audience", "[\" \"]", "audience entry" },
        { "audience", "[\"api\", \"api\"]", "audience has duplicate entries" },
        { "custom_claims", "[{\"key\": \"env\"}]", "custom_claims" },
        { "custom_claims", "[{\"value\": \"prod\"}]", "custom_claims" },
        { "custom_claims", "[{\"key\": \"env\", \"value\": \"a\"}, {\"key\": \"env\", \"value\": \"b\"}]", "custom_claims has duplicate keys" },
        { "custom_claims", "[null]", "custom_claims" },
        { "expiry", "59", "expiry must be between 60 and 2592000" },
        { "expiry", "2592001", "expiry must be between 60 and 2592000" },
        { "expiry", "\"soon\"", "$.expiry" },
    };

    [Fact]
    public async Task Registering_a_client_answers_201_with_seed_004s_shape_and_the_plain_secret()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Clients, SampleClient.Body());

        // Assert
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        json.PropertyNames().Should().BeEquivalentTo("client", "plain_secret");
        var plain = json.GetProperty("plain_secret").GetString()!;
        plain.Should().MatchRegex("^test_[A-Za-z0-9_-]{43}$");
        var client = json.GetProperty("client");
        client.PropertyNames().Should().BeEquivalentTo(
            "client_id", "secrets", "name", "description", "organization_id", "create_time", "update_time", "scopes", "audience", "custom_claims", "expiry");
        client.GetProperty("client_id").GetString().Should().MatchRegex(@"^m2morg_\d{17}$");
        client.GetProperty("organization_id").GetString().Should().Be(_organization);
        ShouldMatchSample(client);
        var secret = client.GetProperty("secrets").EnumerateArray().Should().ContainSingle().Subject;
        secret.GetProperty("id").GetString().Should().MatchRegex(@"^sks_\d{17}$");
        secret.GetProperty("secret_suffix").GetString().Should().Be(plain[^4..]);
        secret.GetProperty("status").GetString().Should().Be("ACTIVE");
        secret.TryGetProperty("create_time", out _).Should().BeTrue();
        secret.TryGetProperty("update_time", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_list_shows_the_organizations_clients_in_registration_order()
    {
        // Arrange
        var first = await Emulator.RegisterClientAsync(_organization);
        var second = await Emulator.RegisterClientAsync(_organization, body => body["name"] = "Second");
        await Emulator.RegisterClientAsync();

        // Act
        var json = await Emulator.ListClientsAsync(_organization);

        // Assert
        json.GetProperty("clients").EnumerateArray().Select(c => c.GetProperty("client_id").GetString())
            .Should().Equal(first.ClientId, second.ClientId);
    }

    [Fact]
    public async Task The_list_pages_with_page_size_and_the_tokens_it_hands_out()
    {
        // Arrange
        var organization = await Emulator.CreateOrganizationAsync("Paged Corp");
        for (var i = 0; i < 11; i++)
        {
            await Emulator.RegisterClientAsync(organization);
        }

        // Act
        var first = await Emulator.ManageAsync(HttpMethod.Get, $"/api/v1/organizations/{organization}/clients?page_size=10", null, HttpStatusCode.OK);
        var next = first.GetProperty("next_page_token").GetString()!;
        var second = await Emulator.ManageAsync(HttpMethod.Get, $"/api/v1/organizations/{organization}/clients?page_size=10&page_token={Uri.EscapeDataString(next)}", null, HttpStatusCode.OK);

        // Assert
        first.GetProperty("total_size").GetInt32().Should().Be(11);
        first.GetProperty("clients").GetArrayLength().Should().Be(10);
        second.GetProperty("clients").GetArrayLength().Should().Be(1);
        second.GetProperty("next_page_token").GetString().Should().BeEmpty();
        second.GetProperty("prev_page_token").GetString().Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_registered_client_can_be_read_back()
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, registered.Path, null, HttpStatusCode.OK);

        // Assert
        var client = json.GetProperty("client");
        client.GetProperty("client_id").GetString().Should().Be(registered.ClientId);
        ShouldMatchSample(client);
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_it_names()
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Patch, registered.Path, new { description = "Moved to the new pipeline" }, HttpStatusCode.OK);

        // Assert
        var client = json.GetProperty("client");
        client.GetProperty("description").GetString().Should().Be("Moved to the new pipeline");
        var expected = SampleClient.Body();
        expected["description"] = "Moved to the new pipeline";
        ShouldMatch(client, expected);
        var stored = await Emulator.ManageAsync(HttpMethod.Get, registered.Path, null, HttpStatusCode.OK);
        ShouldMatch(stored.GetProperty("client"), expected);
    }

    [Fact]
    public async Task A_patched_scope_list_applies_to_the_next_token()
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);
        await Emulator.ManageAsync(HttpMethod.Patch, registered.Path, new { scopes = new[] { SampleClient.Read } }, HttpStatusCode.OK);

        // Act
        var token = await Emulator.GetAccessTokenAsync(registered);

        // Assert
        Jwt.Payload(token).GetProperty("scopes").Strings().Should().Equal(SampleClient.Read);
    }

    [Fact]
    public async Task An_invalid_patch_changes_nothing()
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Patch, registered.Path, new { description = "changed", expiry = 10 });

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "expiry");
        var stored = await Emulator.ManageAsync(HttpMethod.Get, registered.Path, null, HttpStatusCode.OK);
        ShouldMatchSample(stored.GetProperty("client"));
    }

    [Fact]
    public async Task A_deleted_client_is_gone()
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, registered.Path, null, HttpStatusCode.OK);

        // Assert
        using var get = await Emulator.ManageAsync(HttpMethod.Get, registered.Path);
        await get.ShouldBeProblemAsync(HttpStatusCode.NotFound, registered.ClientId);
        (await Emulator.ListClientsAsync(_organization)).GetProperty("clients").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_deleted_clients_secret_no_longer_gets_a_token()
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, registered.Path, null, HttpStatusCode.OK);

        // Assert
        using var response = await Emulator.PostTokenAsync(registered.ClientId, registered.PlainSecret);
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Theory]
    [MemberData(nameof(ManagementRoutes.Unknown), MemberType = typeof(ManagementRoutes))]
    public async Task A_route_naming_an_unknown_organization_client_or_secret_is_not_found(string method, string template)
    {
        // Arrange
        var registered = await Emulator.RegisterClientAsync(_organization);
        var other = await Emulator.CreateOrganizationAsync("Other Corp");
        var path = ManagementRoutes.Fill(template, registered, other);

        // Act
        using var response = await Emulator.ManageAsync(new HttpMethod(method), path, ManagementRoutes.ValidBody(method, path));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "No ");
        var stored = await Emulator.ManageAsync(HttpMethod.Get, registered.Path, null, HttpStatusCode.OK);
        stored.GetProperty("client").GetProperty("secrets").GetArrayLength().Should().Be(1);
    }

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_a_bad_request_naming_the_field_and_registers_nothing(string field, string json, string detail)
    {
        // Arrange
        var body = SampleClient.Body();
        body[field] = JsonNode.Parse(json);

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Clients, body);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await Emulator.ListClientsAsync(_organization)).GetProperty("clients").GetArrayLength().Should().Be(0);
    }

    [Theory]
    [InlineData("text/plain", "name=GitHub", "Content-Type: application/json")]
    [InlineData("application/x-www-form-urlencoded", "name=GitHub", "Content-Type: application/json")]
    [InlineData("application/json", "{\"name\": \"GitHub\"", "not valid")]
    [InlineData("application/json", "", "not valid")]
    [InlineData("application/json", "null", "empty")]
    public async Task A_body_that_is_not_a_json_object_is_a_bad_request_and_registers_nothing(string mediaType, string body, string detail)
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Clients, mediaType, body);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await Emulator.ListClientsAsync(_organization)).GetProperty("clients").GetArrayLength().Should().Be(0);
    }

    private static void ShouldMatchSample(JsonElement client) => ShouldMatch(client, SampleClient.Body());

    private static void ShouldMatch(JsonElement client, JsonObject expected)
    {
        foreach (var (name, value) in expected)
        {
            JsonNode.DeepEquals(JsonNode.Parse(client.GetProperty(name).GetRawText()), value).Should().BeTrue(
                "{0} should be {1} but is {2}", name, value?.ToJsonString(), client.GetProperty(name).GetRawText());
        }
    }
}
