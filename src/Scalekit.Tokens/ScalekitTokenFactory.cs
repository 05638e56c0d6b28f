using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.Tokens;

/// <summary>
/// Mints RS256 access tokens shaped exactly like Scalekit's (header <c>kid</c> <c>snk_…</c>, payload as documented in
/// "Add auth to your APIs"). Signing is done by Microsoft.IdentityModel.
/// </summary>
public static class ScalekitTokenFactory
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Creates a signed token.</summary>
    /// <param name="descriptor">The claims.</param>
    /// <param name="signingCredentials">An RSA key with a <c>KeyId</c>, and its algorithm (RS256 for Scalekit).</param>
    /// <returns>The compact JWT.</returns>
    public static string Create(ScalekitTokenDescriptor descriptor, SigningCredentials signingCredentials)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(signingCredentials);
        return Handler.CreateToken(TokenJson.Object(Payload(descriptor)), signingCredentials,
            new Dictionary<string, object> { ["typ"] = "JWT" });
    }

    /// <summary>The payload as a dictionary, in Scalekit's claim order.</summary>
    /// <param name="descriptor">The claims.</param>
    /// <returns>Claim name to value.</returns>
    public static Dictionary<string, object> Payload(ScalekitTokenDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var payload = new Dictionary<string, object> { ["iss"] = descriptor.Issuer };
        if (descriptor.Audience.Count > 0)
        {
            payload["aud"] = descriptor.Audience;
        }

        payload["sub"] = descriptor.ClientId;
        payload["client_id"] = descriptor.ClientId;
        if (descriptor.OrganizationId is not null)
        {
            payload["oid"] = descriptor.OrganizationId;
        }

        if (descriptor.Scopes.Count > 0)
        {
            payload["scopes"] = descriptor.Scopes;
            payload["scope"] = string.Join(' ', descriptor.Scopes);
        }

        if (descriptor.CustomClaims.Count > 0)
        {
            payload["custom_claims"] = descriptor.CustomClaims;
        }

        payload["jti"] = descriptor.TokenId ?? ScalekitIds.Token();
        payload["iat"] = descriptor.IssuedAt.ToUnixTimeSeconds();
        payload["nbf"] = (descriptor.NotBefore ?? descriptor.IssuedAt).ToUnixTimeSeconds();
        payload["exp"] = descriptor.ExpiresAt.ToUnixTimeSeconds();
        return payload;
    }
}
