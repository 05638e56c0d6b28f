using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>
/// The <see cref="ScalekitClient"/> of a request, as a minimal API (<c>/min/me</c>, bound as a handler parameter) and a
/// controller (<c>/mvc/me</c>, read with <c>HttpContext.GetScalekitClient()</c>) see it.
/// </summary>
public sealed class CallerIdentityTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    public static TheoryData<string> MeEndpoints => new() { "/min/me", "/mvc/me" };

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task The_caller_names_the_client_and_its_organization(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(_ => { });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.ClientId.Should().Be(TestTokens.ClientId);
        caller.OrganizationId.Should().Be(TestTokens.OrganizationId);
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task Without_client_id_the_subject_names_the_client(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(p =>
        {
            p.Remove("client_id");
            p["sub"] = "m2morg_1";
        });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.ClientId.Should().Be("m2morg_1");
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task The_caller_carries_the_granted_scopes(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(p => p["scopes"] = new[] { ApiHost.Read, ApiHost.Deploy });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.Scopes.Should().BeEquivalentTo(ApiHost.Read, ApiHost.Deploy);
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task The_caller_carries_the_token_id_expiry_audiences_and_issuer(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(_ => { });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.TokenId.Should().Be((string)payload["jti"]).And.StartWith("tkn_");
        caller.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds((long)payload["exp"]));
        caller.Audiences.Should().Equal(TestTokens.Audience);
        caller.Issuer.Should().Be(fixture.Issuer.EnvironmentUrl);
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task Custom_claims_come_from_the_nested_object_and_from_unknown_top_level_claims(string path)
    {
        // Arrange: the documented custom_claims object, plus a top-level claim that no registry knows
        var payload = fixture.Issuer.PayloadWith(p => p["region"] = "eu-west-1");

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert: exactly these, so no registered claim leaks in
        caller.CustomClaims.Should().Equal(new Dictionary<string, string>
        {
            ["github_repository"] = "acmecorp/inventory-service",
            ["environment"] = "production_us",
            ["region"] = "eu-west-1",
        });
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task A_nested_custom_claim_wins_over_a_top_level_claim_of_the_same_name(string path)
    {
        // Arrange: custom_claims says production_us
        var payload = fixture.Issuer.PayloadWith(p => p["environment"] = "staging");

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.CustomClaims.Should().Contain("environment", "production_us");
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task Custom_claims_that_are_not_strings_keep_their_JSON_text(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(p => p["custom_claims"] = new Dictionary<string, object>
        {
            ["replicas"] = 3,
            ["canary"] = true,
            ["limits"] = new Dictionary<string, int> { ["cpu"] = 2 },
        });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.CustomClaims.Should().Contain("replicas", "3")
            .And.Contain("canary", "true")
            .And.Contain("limits", "{\"cpu\":2}");
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task Custom_claims_in_the_key_value_list_shape_of_the_management_API_are_read_by_key(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(p => p["custom_claims"] = new[]
        {
            new { key = "environment", value = "staging" },
            new { key = "github_repository", value = "acmecorp/billing" },
        });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.CustomClaims.Should().Contain("environment", "staging")
            .And.Contain("github_repository", "acmecorp/billing")
            .And.NotContainKey("key");
    }

    [Theory]
    [MemberData(nameof(MeEndpoints))]
    public async Task An_unknown_top_level_array_claim_keeps_all_its_values_as_JSON_text(string path)
    {
        // Arrange
        var payload = fixture.Issuer.PayloadWith(p => p["teams"] = new object[] { "platform", "sre", 7 });

        // Act
        var caller = await CallerAsync(path, payload);

        // Assert
        caller.CustomClaims.Should().Contain("teams", "[\"platform\",\"sre\",7]");
    }

    [Fact]
    public async Task A_minimal_API_handler_gets_the_caller_as_a_parameter_on_an_anonymous_endpoint()
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);

        // Act
        using var response = await fixture.Api.GetAsync(ProbeEndpoints.OptionalClient, token);

        // Assert
        (await response.Content.ReadAsStringAsync()).Should().Be(TestTokens.ClientId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    public async Task A_minimal_API_handler_gets_null_for_a_caller_without_a_valid_token(string? authorization)
    {
        // Arrange: no token, or a refused one, on an endpoint that allows anonymous access

        // Act
        using var response = await fixture.Api.GetWithAuthorizationAsync(ProbeEndpoints.OptionalClient, authorization);

        // Assert
        (await response.Content.ReadAsStringAsync()).Should().Be("anonymous");
    }

    private async Task<CallerSnapshot> CallerAsync(string path, Dictionary<string, object> payload)
    {
        using var response = await fixture.Api.GetAsync(path, TestTokens.Sign(fixture.Issuer.PrimaryKey, payload));
        return await response.ReadOkJsonAsync<CallerSnapshot>();
    }
}
