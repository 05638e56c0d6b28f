using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>The claims of an accepted token: named as in the JWT, with scopes normalised into one claim per scope.</summary>
public sealed class ClaimsTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Fact]
    public async Task Inbound_claim_names_are_kept_as_in_the_JWT()
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);

        // Act
        var claims = await ClaimsOfAsync(token);

        // Assert: no mapping to WS-* / xmlsoap claim types
        claims.ValuesOf("sub").Should().Equal(TestTokens.ClientId);
        claims.ValuesOf("client_id").Should().Equal(TestTokens.ClientId);
        claims.ValuesOf("oid").Should().Equal(TestTokens.OrganizationId);
        claims.ValuesOf("aud").Should().Equal(TestTokens.Audience);
        claims.Types.Should().NotContain(t => t.StartsWith("http://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_user_name_is_the_client_id()
    {
        // Arrange
        var token = fixture.Issuer.Token(ApiHost.Read);

        // Act
        var claims = await ClaimsOfAsync(token);

        // Assert
        claims.Name.Should().Be(TestTokens.ClientId);
    }

    [Theory]
    [InlineData("scopes array")]
    [InlineData("scope string")]
    [InlineData("scope string with extra spaces")]
    [InlineData("scp string")]
    [InlineData("scp array")]
    [InlineData("scopes and scope overlapping")]
    public async Task Scopes_become_one_scopes_claim_per_granted_scope(string shape)
    {
        // Arrange: read and deploy granted through the claim shape under test
        var token = fixture.Issuer.TokenWith(p =>
        {
            p.Remove("scopes");
            GrantReadAndDeploy(p, shape);
        });

        // Act
        var claims = await ClaimsOfAsync(token);

        // Assert
        claims.ValuesOf("scopes").Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ApiHost.Read, ApiHost.Deploy);
    }

    [Fact]
    public async Task The_original_scope_and_scp_claims_are_replaced_by_the_normalised_ones()
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p =>
        {
            p.Remove("scopes");
            p["scope"] = $"{ApiHost.Read} {ApiHost.Deploy}";
            p["scp"] = new[] { ApiHost.Read };
        });

        // Act
        var claims = await ClaimsOfAsync(token);

        // Assert: no reader can split them otherwise than the scopes claims say
        claims.ValuesOf("scope").Should().BeEmpty();
        claims.ValuesOf("scp").Should().BeEmpty();
        claims.ValuesOf("scopes").Should().BeEquivalentTo(ApiHost.Read, ApiHost.Deploy);
    }

    [Fact]
    public async Task A_token_with_an_empty_scopes_array_grants_no_scope()
    {
        // Arrange
        var token = fixture.Issuer.TokenWith(p => p["scopes"] = Array.Empty<string>());

        // Act
        var claims = await ClaimsOfAsync(token);

        // Assert
        claims.ValuesOf("scopes").Should().BeEmpty();
    }

    private static void GrantReadAndDeploy(Dictionary<string, object> payload, string shape)
    {
        string[] both = [ApiHost.Read, ApiHost.Deploy];
        switch (shape)
        {
            case "scopes array":
                payload["scopes"] = both;
                break;
            case "scope string":
                payload["scope"] = string.Join(' ', both);
                break;
            case "scope string with extra spaces":
                payload["scope"] = $"  {ApiHost.Read}   {ApiHost.Deploy} ";
                break;
            case "scp string":
                payload["scp"] = string.Join(' ', both);
                break;
            case "scp array":
                payload["scp"] = both;
                break;
            case "scopes and scope overlapping":
                payload["scopes"] = new[] { ApiHost.Read };
                payload["scope"] = string.Join(' ', both);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown claim shape");
        }
    }

    private async Task<ClaimsSnapshot> ClaimsOfAsync(string token)
    {
        using var response = await fixture.Api.GetAsync(ProbeEndpoints.Claims, token);
        return await response.ReadOkJsonAsync<ClaimsSnapshot>();
    }
}
