using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>Reads a compact JWT as JSON, and validates one against a JWKS the way a resource server would.</summary>
public static class Jwt
{
    public static JsonElement Header(string token) => Part(token, 0);

    public static JsonElement Payload(string token) => Part(token, 1);

    /// <summary>Validates signature (RS256, keys from <paramref name="jwks"/>), issuer, audience and lifetime.</summary>
    public static async Task<TokenValidationResult> ValidateAsync(string token, string jwks, string issuer, string audience, TimeProvider? time = null)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = audience,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            TryAllIssuerSigningKeys = false,
        };
        if (time is not null)
        {
            // TokenValidationParameters reads the system clock; tokens minted on a fake clock are checked against that clock.
            parameters.LifetimeValidator = (notBefore, expires, _, _) =>
                time.GetUtcNow().UtcDateTime is var now && (notBefore is null || notBefore <= now) && (expires is null || now < expires);
        }

        return await new JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
    }

    private static JsonElement Part(string token, int index)
    {
        var parts = token.Split('.');
        parts.Should().HaveCount(3, "a compact JWS has three parts");
        using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(parts[index]));
        return document.RootElement.Clone();
    }
}
