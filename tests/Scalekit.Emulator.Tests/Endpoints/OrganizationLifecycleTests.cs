using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>Organizations read by external id, updated, searched and deleted over REST, on the SDK's routes.</summary>
public sealed class OrganizationLifecycleTests() : EmulatorTest(registerClient: false)
{
    private const string Organizations = "/api/v1/organizations";

    [Fact]
    public async Task An_organization_is_read_back_by_its_external_id()
    {
        // Arrange
        var id = await Emulator.CreateOrganizationAsync("Looney Corp", "looney-1");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}:external/looney-1", null, HttpStatusCode.OK);

        // Assert
        json.GetProperty("organization").GetProperty("id").GetString().Should().Be(id);
    }

    [Fact]
    public async Task An_external_id_with_a_slash_is_read_back_when_escaped_in_the_path()
    {
        // Arrange
        var id = await Emulator.CreateOrganizationAsync("Looney Corp", "tenants/looney");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}:external/{Uri.EscapeDataString("tenants/looney")}", null, HttpStatusCode.OK);

        // Assert
        json.GetProperty("organization").GetProperty("id").GetString().Should().Be(id);
    }

    [Fact]
    public async Task An_external_id_with_a_percent_sign_is_decoded_once()
    {
        // Arrange
        var literal = await Emulator.CreateOrganizationAsync("Literal", "x%41");
        await Emulator.CreateOrganizationAsync("Decoded", "xA");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}:external/{Uri.EscapeDataString("x%41")}", null, HttpStatusCode.OK);

        // Assert
        json.GetProperty("organization").GetProperty("id").GetString().Should().Be(literal);
    }

    [Fact]
    public async Task A_patch_changes_only_the_fields_it_names()
    {
        // Arrange
        var id = await Emulator.CreateOrganizationAsync("Looney Corp", "looney-1");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Patch, $"{Organizations}/{id}", new { display_name = "Looney Inc", metadata = new { tier = "gold" } }, HttpStatusCode.OK);

        // Assert
        var organization = json.GetProperty("organization");
        organization.GetProperty("display_name").GetString().Should().Be("Looney Inc");
        organization.GetProperty("external_id").GetString().Should().Be("looney-1");
        organization.GetProperty("metadata").GetProperty("tier").GetString().Should().Be("gold");
    }

    [Fact]
    public async Task A_patch_with_an_empty_external_id_clears_it()
    {
        // Arrange
        var id = await Emulator.CreateOrganizationAsync("Looney Corp", "looney-1");

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Patch, $"{Organizations}/{id}", new { external_id = "" }, HttpStatusCode.OK);

        // Assert
        json.GetProperty("organization").TryGetProperty("external_id", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_patch_to_another_organizations_external_id_is_a_conflict_and_changes_nothing()
    {
        // Arrange
        await Emulator.CreateOrganizationAsync("Looney Corp", "looney-1");
        var other = await Emulator.CreateOrganizationAsync("Acme Corp", "acme-1");

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Patch, $"{Organizations}/{other}", new { external_id = "looney-1" });

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "external_id 'looney-1' exists already");
        var stored = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}/{other}", null, HttpStatusCode.OK);
        stored.GetProperty("organization").GetProperty("external_id").GetString().Should().Be("acme-1");
    }

    [Fact]
    public async Task A_patch_with_a_blank_display_name_is_a_bad_request()
    {
        // Arrange
        var id = await Emulator.CreateOrganizationAsync();

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Patch, $"{Organizations}/{id}", new { display_name = "  " });

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "display_name cannot be blank.");
    }

    [Fact]
    public async Task Deleting_an_organization_deletes_its_clients_whose_secrets_stop_working()
    {
        // Arrange
        var client = await Emulator.RegisterClientAsync();

        // Act
        await Emulator.ManageAsync(HttpMethod.Delete, $"{Organizations}/{client.OrganizationId}", null, HttpStatusCode.OK);

        // Assert
        using var read = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}/{client.OrganizationId}");
        await read.ShouldBeProblemAsync(HttpStatusCode.NotFound, client.OrganizationId);
        using var token = await Emulator.PostTokenAsync(client.ClientId, client.PlainSecret);
        await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }

    [Fact]
    public async Task Search_matches_part_of_a_display_name_or_external_id_and_an_exact_id()
    {
        // Arrange
        var looney = await Emulator.CreateOrganizationAsync("Looney Corp", "toons-1");
        await Emulator.CreateOrganizationAsync("Acme Corp", "acme-1");
        var globex = await Emulator.CreateOrganizationAsync("Globex");

        // Act
        var byName = await SearchAsync("LOONEY");
        var byExternalId = await SearchAsync("toons");
        var byId = await SearchAsync(globex);

        // Assert
        byName.Should().Equal(looney);
        byExternalId.Should().Equal(looney);
        byId.Should().Equal(globex);
    }

    [Fact]
    public async Task Search_without_a_query_is_a_bad_request()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}:search");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "query is required");
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        var json = await Emulator.ManageAsync(HttpMethod.Get, $"{Organizations}:search?query={Uri.EscapeDataString(query)}", null, HttpStatusCode.OK);
        return json.GetProperty("organizations").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
    }
}
