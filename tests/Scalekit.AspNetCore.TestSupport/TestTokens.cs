using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Mints tokens shaped like Scalekit's, and the malformed or hostile ones the attack tests send.</summary>
public static class TestTokens
{
    public const string Audience = "deployment-api.acmecorp.com";
    public const string ClientId = "m2morg_68315758685323697";
    public const string OrganizationId = "org_59615193906282635";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>The documented Scalekit payload, valid for an hour from now.</summary>
    public static Dictionary<string, object> Payload(string issuer, params string[] scopes)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = new[] { Audience },
            ["sub"] = ClientId,
            ["client_id"] = ClientId,
            ["oid"] = OrganizationId,
            ["scopes"] = scopes,
            ["custom_claims"] = new Dictionary<string, string>
            {
                ["github_repository"] = "acmecorp/inventory-service",
                ["environment"] = "production_us",
            },
            ["jti"] = "tkn_" + Guid.NewGuid().ToString("N"),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        };
    }

    public static string Sign(TestSigningKey key, IDictionary<string, object> payload, IDictionary<string, object>? extraHeader = null) =>
        Sign(key.Credentials, payload, extraHeader);

    public static string Sign(SigningCredentials credentials, IDictionary<string, object> payload, IDictionary<string, object>? extraHeader = null) =>
        extraHeader is null
            ? Handler.CreateToken(JsonSerializer.Serialize(payload), credentials)
            : Handler.CreateToken(JsonSerializer.Serialize(payload), credentials, extraHeader);

    /// <summary>
    /// A token signed by <paramref name="key"/> without Microsoft.IdentityModel, which refuses to sign some of what the
    /// key-policy tests need (an RSA key under 2048 bits, ES256 with a P-384 key): header <c>alg</c>, <c>kid</c>, <c>typ</c>.
    /// </summary>
    public static string SignDirectly(TestSigningKey key, IDictionary<string, object> payload) =>
        SignedBySignData(key, Encode(new { alg = key.Algorithm, kid = key.Kid, typ = "JWT" }), Encode(payload));

    /// <summary>A valid Scalekit-shaped token with <paramref name="scopes"/>.</summary>
    public static string Create(TestSigningKey key, string issuer, params string[] scopes) => Sign(key, Payload(issuer, scopes));

    /// <summary>A token with the given header and payload and an arbitrary signature part (no real signing).</summary>
    public static string Unsigned(object header, object payload, string signature = "") =>
        $"{Encode(header)}.{Encode(payload)}.{signature}";

    /// <summary>
    /// A token whose header and payload are exactly <paramref name="header"/> and <paramref name="payload"/> (bytes, so
    /// that they may be invalid JSON or invalid UTF-8), signed by <paramref name="key"/> with its algorithm (RS256 for a
    /// key of <see cref="TestSigningKey.Create"/>): the signature is valid, so only the strict reading can refuse it.
    /// </summary>
    public static string SignRaw(TestSigningKey key, byte[] header, byte[] payload) =>
        SignedBySignData(key, Base64UrlEncoder.Encode(header), Base64UrlEncoder.Encode(payload));

    /// <summary><see cref="SignRaw(TestSigningKey, byte[], byte[])"/> with JSON text.</summary>
    public static string SignRaw(TestSigningKey key, string header, string payload) =>
        SignRaw(key, Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(payload));

    /// <summary>The RS256 header of <paramref name="key"/> as JSON text, with <paramref name="extra"/> members appended (<c>,"typ":"JWT"</c>).</summary>
    public static string HeaderJson(TestSigningKey key, string extra = "") => $$"""{"alg":"RS256","kid":"{{key.Kid}}"{{extra}}}""";

    public static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    /// <summary>Replaces the payload of a signed token, keeping its header and signature.</summary>
    public static string WithPayload(string token, object payload)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    /// <summary><c>header.payload.signature</c> from encoded parts, the signature made by <see cref="TestSigningKey.SignData"/>.</summary>
    private static string SignedBySignData(TestSigningKey key, string encodedHeader, string encodedPayload)
    {
        var signingInput = $"{encodedHeader}.{encodedPayload}";
        return $"{signingInput}.{Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(signingInput)))}";
    }
}
