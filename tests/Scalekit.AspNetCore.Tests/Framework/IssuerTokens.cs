namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Variations on the documented Scalekit token, signed by the issuer's published key.</summary>
public static class IssuerTokens
{
    /// <summary>A token with the documented payload (scope <see cref="ApiHost.Read"/>) after <paramref name="edit"/>.</summary>
    public static string TokenWith(this JwksServer issuer, Action<Dictionary<string, object>> edit) =>
        TestTokens.Sign(issuer.PrimaryKey, issuer.PayloadWith(edit));

    /// <summary>
    /// A token with the documented payload signed by <paramref name="key"/> (with its <see cref="TestSigningKey.Algorithm"/>)
    /// through <see cref="TestTokens.SignDirectly"/>: also for keys and algorithms Microsoft.IdentityModel will not sign with.
    /// </summary>
    public static string TokenSignedDirectlyBy(this JwksServer issuer, TestSigningKey key) =>
        TestTokens.SignDirectly(key, issuer.PayloadWith(_ => { }));

    /// <summary>The documented payload (scope <see cref="ApiHost.Read"/>) after <paramref name="edit"/>.</summary>
    public static Dictionary<string, object> PayloadWith(this JwksServer issuer, Action<Dictionary<string, object>> edit)
    {
        var payload = TestTokens.Payload(issuer.EnvironmentUrl, ApiHost.Read);
        edit(payload);
        return payload;
    }

    /// <summary>Sets <c>iat</c>, <c>nbf</c> and <c>exp</c> relative to now.</summary>
    public static void SetLifetime(this Dictionary<string, object> payload, TimeSpan issuedAgo, TimeSpan notBeforeFromNow, TimeSpan expiresFromNow)
    {
        var now = DateTimeOffset.UtcNow;
        payload["iat"] = (now - issuedAgo).ToUnixTimeSeconds();
        payload["nbf"] = (now + notBeforeFromNow).ToUnixTimeSeconds();
        payload["exp"] = (now + expiresFromNow).ToUnixTimeSeconds();
    }
}
