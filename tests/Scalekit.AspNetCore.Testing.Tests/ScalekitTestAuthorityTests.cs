using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Testing.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>The authority on its own: the tokens it mints, the JWKS it serves, the options it refuses.</summary>
public sealed class ScalekitTestAuthorityTests : IDisposable
{
    private const string Audience = "deployment-api.acmecorp.com";
    private readonly ScalekitTestAuthority _authority = new(o => o.Audience = Audience);

    [Fact]
    public void A_token_header_is_RS256_with_the_signing_key_id()
    {
        // Act
        var token = Jwt.Read(_authority.CreateToken());

        // Assert
        (token.Alg, token.Typ, token.Kid).Should().Be(("RS256", "JWT", _authority.SigningKeyId));
    }

    [Fact]
    public void A_token_payload_is_shaped_like_Scalekit_documents_it()
    {
        // Act
        var token = Jwt.Read(_authority.CreateToken(
            scopes: ["deploy:applications", "read:deployments"],
            customClaims: new Dictionary<string, string> { ["environment"] = "production_us" }));

        // Assert
        token.Issuer.Should().Be(ScalekitTestAuthority.DefaultIssuer);
        token.Audiences.Should().Equal(Audience);
        token.Subject.Should().Be(_authority.ClientId).And.StartWith("m2morg_");
        token.GetClaim("client_id").Value.Should().Be(_authority.ClientId);
        token.GetClaim("oid").Value.Should().Be(_authority.OrganizationId).And.StartWith("org_");
        token.GetPayloadValue<string[]>("scopes").Should().Equal("deploy:applications", "read:deployments");
        token.GetPayloadValue<string>("scope").Should().Be("deploy:applications read:deployments");
        token.GetPayloadValue<Dictionary<string, string>>("custom_claims").Should().Equal(new Dictionary<string, string> { ["environment"] = "production_us" });
        token.Id.Should().StartWith("tkn_");
    }

    [Fact]
    public void A_token_lives_one_hour_from_now_unless_told_otherwise()
    {
        // Act
        var token = Jwt.Read(_authority.CreateToken());

        // Assert
        (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromHours(1));
        token.ValidFrom.Should().Be(token.IssuedAt);
        token.IssuedAt.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_lifetime_passed_in_sets_the_expiry()
    {
        // Act
        var token = Jwt.Read(_authority.CreateToken(lifetime: TimeSpan.FromMinutes(5)));

        // Assert
        (token.ValidTo - token.IssuedAt).Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Each_negative_case_has_one_defect_and_keeps_the_rest_of_a_valid_token()
    {
        // Act
        var tokens = WithScalekitTestAuthorityTests.NegativeCases
            .Select(row => Jwt.Read(WithScalekitTestAuthorityTests.Mint(_authority, (string)row[0], ["read:deployments"])))
            .ToList();

        // Assert
        tokens.Should().AllSatisfy(t =>
        {
            t.Subject.Should().Be(_authority.ClientId);
            t.GetPayloadValue<string[]>("scopes").Should().Equal("read:deployments");
        });
    }

    [Fact]
    public async Task The_JWKS_publishes_each_key_as_an_RS256_public_key_with_its_kid()
    {
        // Arrange
        var second = _authority.RotateSigningKey();

        // Act
        using var jwks = JsonDocument.Parse(await GetAsStringAsync($"{_authority.Issuer}/keys"));

        // Assert
        var keys = jwks.RootElement.GetProperty("keys").EnumerateArray().ToList();
        keys.Select(k => k.GetProperty("kid").GetString()).Should().Equal(_authority.PublishedKeyIds).And.Contain(second);
        keys.Should().AllSatisfy(k =>
        {
            k.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("use", "kty", "kid", "alg", "n", "e");
            (k.GetProperty("kty").GetString(), k.GetProperty("alg").GetString(), k.GetProperty("use").GetString()).Should().Be(("RSA", "RS256", "sig"));
        });
    }

    [Theory]
    [InlineData("https://test.scalekit.local/.well-known/openid-configuration")]
    [InlineData("https://acme.scalekit.dev/keys")]
    [InlineData("https://example.com/")]
    public async Task The_backchannel_answers_404_to_anything_but_the_JWKS_and_never_reaches_the_network(string address)
    {
        // Arrange
        using var services = BackchannelServices();
        using var client = Backchannel(services);

        // Act
        using var response = await client.GetAsync(address);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _authority.JwksRequestCount.Should().Be(0);
    }

    [Theory]
    [InlineData("http://test.scalekit.local")]
    [InlineData("test.scalekit.local")]
    [InlineData("https://test.scalekit.local/?tenant=1")]
    public void An_issuer_that_is_not_an_https_url_is_refused_with_the_fix(string issuer)
    {
        // Act
        var create = () => new ScalekitTestAuthority(o => o.Issuer = issuer);

        // Assert
        create.Should().Throw<ArgumentException>().WithMessage("*must be an absolute https URL without a query*");
    }

    [Fact]
    public void Any_https_host_can_be_the_issuer()
    {
        // Arrange
        using var authority = new ScalekitTestAuthority(o => { o.Issuer = "https://acme.scalekit.dev/"; o.Audience = Audience; });

        // Act
        var token = Jwt.Read(authority.CreateTokenFromOtherIssuer());

        // Assert
        authority.Issuer.Should().Be("https://acme.scalekit.dev");
        token.Issuer.Should().Be("https://other-acme.scalekit.dev");
    }

    public void Dispose() => _authority.Dispose();

    private async Task<string> GetAsStringAsync(string address)
    {
        using var services = BackchannelServices();
        using var client = Backchannel(services);
        return await client.GetStringAsync(address);
    }

    private ServiceProvider BackchannelServices() =>
        new ServiceCollection().AddLogging().AddScalekitTestAuthority(_authority).BuildServiceProvider();

    private static HttpClient Backchannel(IServiceProvider services) =>
        services.GetRequiredService<IHttpClientFactory>().CreateClient(ScalekitApiAuthDefaults.BackchannelHttpClientName);
}
