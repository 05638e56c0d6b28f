using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Scalekit.Tokens;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>
/// Scalekit.Tokens writes its JSON without reflection (so that it is native-AOT-safe): the text must stay what
/// <c>JsonSerializer</c> wrote before, byte for byte, escaping included.
/// </summary>
public sealed class TokenJsonTests
{
    [Fact]
    public void The_token_payload_is_the_text_JsonSerializer_writes_for_the_payload_dictionary()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "snk_1" }, SecurityAlgorithms.RsaSha256);
        var descriptor = new ScalekitTokenDescriptor
        {
            Issuer = "https://acme.scalekit.dev",
            ClientId = "m2morg_68315758685323697",
            OrganizationId = "org_59615193906282635",
            Audience = ["deployment-api.acmecorp.com", "billing <api> & 'more'"],
            Scopes = ["deploy:applications", "read:deployments"],
            CustomClaims = new Dictionary<string, string> { ["environment"] = "production_us", ["région"] = "café \"+\" ✓" },
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600),
            Lifetime = TimeSpan.FromHours(1),
            TokenId = "tkn_1",
        };

        // Act
        var token = ScalekitTokenFactory.Create(descriptor, credentials);

        // Assert
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));
        payload.Should().Be(JsonSerializer.Serialize(ScalekitTokenFactory.Payload(descriptor)));
    }

    [Fact]
    public void A_token_without_audience_organization_scopes_or_custom_claims_leaves_them_out()
    {
        // Arrange
        using var rsa = RSA.Create(2048);
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "snk_1" }, SecurityAlgorithms.RsaSha256);
        var descriptor = new ScalekitTokenDescriptor
        {
            Issuer = "http://127.0.0.1:5100",
            ClientId = "skc_emulator",
            IssuedAt = DateTimeOffset.FromUnixTimeSeconds(1_767_225_600),
            Lifetime = TimeSpan.FromSeconds(86399),
            TokenId = "tkn_2",
        };

        // Act
        var token = ScalekitTokenFactory.Create(descriptor, credentials);

        // Assert
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));
        payload.Should().Be(JsonSerializer.Serialize(ScalekitTokenFactory.Payload(descriptor)))
            .And.NotContain("\"aud\"").And.NotContain("\"oid\"").And.NotContain("\"scopes\"").And.NotContain("\"custom_claims\"");
    }

    [Fact]
    public void The_JWKS_text_is_the_text_JsonSerializer_writes_for_the_document()
    {
        // Arrange
        using var first = RSA.Create(2048);
        using var second = RSA.Create(2048);
        (string, RsaSecurityKey)[] keys = [("snk_1", new RsaSecurityKey(first)), ("snk_2", new RsaSecurityKey(second))];

        // Act
        var json = ScalekitJwks.Json(keys);

        // Assert
        json.Should().Be(JsonSerializer.Serialize(ScalekitJwks.Document(keys)));
        new JsonWebKeySet(json).Keys.Select(k => k.Kid).Should().Equal("snk_1", "snk_2");
    }
}
