using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>API keys over REST, on the routes of the SDK's <c>ApiTokenService</c> mappings, in the SDK's <c>Token</c> shape.</summary>
public sealed class ApiKeyEndpointsTests() : EmulatorTest(registerClient: false)
{
    private const string Tokens = "/api/v1/tokens";
    private string _organizationId = null!;

    protected override async Task ArrangeAsync() => _organizationId = await Emulator.CreateOrganizationAsync(externalId: "acme-1");

    [Fact]
    public async Task Creating_a_key_answers_201_with_the_key_once_its_id_and_its_details()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, Tokens,
            new { organization_id = _organizationId, user_id = "usr_1", custom_claims = new { env = "ci" }, description = "CI", expiry = Time.GetUtcNow().AddDays(1) });

        // Assert
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        json.PropertyNames().Should().BeEquivalentTo("token", "token_id", "token_info");
        var info = json.GetProperty("token_info");
        info.GetProperty("token_id").GetString().Should().Be(json.GetProperty("token_id").GetString()).And.MatchRegex(@"^apit_\d{17}$");
        info.GetProperty("organization_external_id").GetString().Should().Be("acme-1");
        info.GetProperty("user_id").GetString().Should().Be("usr_1");
        info.GetProperty("custom_claims").GetProperty("env").GetString().Should().Be("ci");
        info.GetProperty("token_suffix").GetString().Should().Be(json.GetProperty("token").GetString()![^4..]);
        info.TryGetProperty("token", out _).Should().BeFalse();
    }

    [Fact]
    public async Task A_key_is_listed_without_its_plain_text()
    {
        // Arrange
        var key = await CreateAsync();

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Get, $"{Tokens}?organization_id={_organizationId}");

        // Assert
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        text.Should().NotContain(key).And.Contain("\"total_count\":1");
    }

    [Fact]
    public async Task A_key_validates_then_no_longer_after_it_is_invalidated()
    {
        // Arrange
        var key = await CreateAsync();
        var valid = await Emulator.ManageAsync(HttpMethod.Post, $"{Tokens}:validate", new { token = key }, HttpStatusCode.OK);

        // Act
        await Emulator.ManageAsync(HttpMethod.Post, $"{Tokens}:invalidate", new { token = key }, HttpStatusCode.OK);

        // Assert
        valid.GetProperty("token_info").GetProperty("organization_id").GetString().Should().Be(_organizationId);
        using var refused = await Emulator.ManageAsync(HttpMethod.Post, $"{Tokens}:validate", new { token = key });
        await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound, "The API key was invalidated.");
    }

    [Fact]
    public async Task An_update_by_key_sets_the_description()
    {
        // Arrange
        var key = await CreateAsync();

        // Act
        var json = await Emulator.ManageAsync(HttpMethod.Post, $"{Tokens}:update", new { token = key, description = "renamed" }, HttpStatusCode.OK);

        // Assert
        json.GetProperty("token_info").GetProperty("description").GetString().Should().Be("renamed");
    }

    [Fact]
    public async Task An_update_with_a_null_claim_value_is_a_bad_request_not_a_500()
    {
        // Arrange
        var key = await CreateAsync();

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, $"{Tokens}:update", "application/json", $$$"""{"token":"{{{key}}}","custom_claims":{"env":null}}""");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "each custom_claims entry needs a string value");
    }

    [Fact]
    public async Task Listing_without_an_organization_is_a_bad_request()
    {
        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Get, Tokens);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "organization_id is required.");
    }

    private async Task<string> CreateAsync()
    {
        var json = await Emulator.ManageAsync(HttpMethod.Post, Tokens, new { organization_id = _organizationId }, HttpStatusCode.Created);
        return json.GetProperty("token").GetString()!;
    }
}
