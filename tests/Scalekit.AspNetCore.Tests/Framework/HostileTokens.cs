using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Forged, altered, out-of-date and malformed tokens aimed at an API that trusts <see cref="JwksServer"/>.</summary>
public static class HostileTokens
{
    /// <summary>
    /// The catalogue the theories pick from by name, so that a case reads the same in every test that uses it.
    /// </summary>
    public static string Named(JwksServer issuer, string name) => name switch
    {
        "expired" => Expired(issuer),
        "not yet valid" => NotYetValid(issuer),
        "no expiry" => issuer.TokenWith(p => p.Remove("exp")),
        "no audience" => issuer.TokenWith(p => p.Remove("aud")),
        "other audience" => issuer.TokenWith(p => p["aud"] = new[] { "billing-api.acmecorp.com" }),
        "other issuer" => issuer.TokenWith(p => p["iss"] = "https://attacker.example"),
        "tampered" => Tampered(issuer),
        "stripped signature" => StrippedSignature(issuer),
        "alg none" => Unsigned(issuer, "none"),
        "alg None" => Unsigned(issuer, "None"),
        "HS256 keyed with the public key as PEM" => HmacKeyedWithPublicKey(issuer, "pem"),
        "HS256 keyed with the public key as SPKI DER" => HmacKeyedWithPublicKey(issuer, "spki"),
        "HS256 keyed with the public key as PKCS#1 DER" => HmacKeyedWithPublicKey(issuer, "pkcs1"),
        "unknown key" => SignedByUnknownKey(issuer),
        "no kid" => WithoutKeyId(issuer),
        "unknown critical header" => WithCriticalExtension(issuer),
        "oversize" => Oversize(issuer),
        "garbage" => "abc",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not in the catalogue"),
    };

    /// <summary>Larger than the default <see cref="ScalekitApiAuthOptions.MaxTokenSize"/> (16 KiB) but otherwise valid.</summary>
    private static string Oversize(JwksServer issuer) =>
        issuer.TokenWith(p => p["padding"] = new string('x', 17 * 1024));

    /// <summary>Expired an hour ago, far beyond the 30 s clock skew.</summary>
    private static string Expired(JwksServer issuer) =>
        issuer.TokenWith(p => p.SetLifetime(issuedAgo: TimeSpan.FromHours(2), notBeforeFromNow: -TimeSpan.FromHours(2), expiresFromNow: -TimeSpan.FromHours(1)));

    /// <summary>Valid only from ten minutes from now, far beyond the 30 s clock skew.</summary>
    private static string NotYetValid(JwksServer issuer) =>
        issuer.TokenWith(p => p.SetLifetime(issuedAgo: TimeSpan.Zero, notBeforeFromNow: TimeSpan.FromMinutes(10), expiresFromNow: TimeSpan.FromHours(1)));

    /// <summary>A valid token whose payload was swapped for one with more scopes; header and signature are the original ones.</summary>
    private static string Tampered(JwksServer issuer) =>
        TestTokens.WithPayload(issuer.Token(ApiHost.Read), TestTokens.Payload(issuer.EnvironmentUrl, ApiHost.Read, ApiHost.Deploy));

    /// <summary>A valid token with its signature part removed: <c>header.payload.</c></summary>
    private static string StrippedSignature(JwksServer issuer)
    {
        var token = issuer.Token(ApiHost.Read);
        return token[..(token.LastIndexOf('.') + 1)];
    }

    /// <summary>An unsigned token with <c>alg</c> set to <paramref name="algorithm"/> (such as <c>none</c>) and the issuer's real <c>kid</c>.</summary>
    private static string Unsigned(JwksServer issuer, string algorithm) =>
        TestTokens.Unsigned(new { alg = algorithm, typ = "JWT", kid = issuer.PrimaryKey.Kid }, issuer.PayloadWith(_ => { }));

    /// <summary>The algorithm-confusion attack: HS256 keyed with bytes of the issuer's public RSA key, under its real <c>kid</c>.</summary>
    private static string HmacKeyedWithPublicKey(JwksServer issuer, string encoding)
    {
        var rsa = issuer.PrimaryKey.Rsa;
        var secret = encoding switch
        {
            "pem" => Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem()),
            "spki" => rsa.ExportSubjectPublicKeyInfo(),
            "pkcs1" => rsa.ExportRSAPublicKey(),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "pem, spki or pkcs1"),
        };
        var key = new SymmetricSecurityKey(secret) { KeyId = issuer.PrimaryKey.Kid };
        return TestTokens.Sign(new SigningCredentials(key, SecurityAlgorithms.HmacSha256), issuer.PayloadWith(_ => { }));
    }

    /// <summary>Signed by a key the issuer never published (its <c>kid</c> is not in the JWKS).</summary>
    private static string SignedByUnknownKey(JwksServer issuer) =>
        TestTokens.Sign(TestSigningKey.Create(), issuer.PayloadWith(_ => { }));

    /// <summary>Signed by the issuer's real key, but with no <c>kid</c> in the header.</summary>
    private static string WithoutKeyId(JwksServer issuer) =>
        TestTokens.Sign(new SigningCredentials(new RsaSecurityKey(issuer.PrimaryKey.Rsa), SecurityAlgorithms.RsaSha256), issuer.PayloadWith(_ => { }));

    /// <summary>
    /// Signed by the issuer's real key, but its header marks an extension critical (<c>crit</c>) that no recipient
    /// understands: RFC 7515 §4.1.11 makes such a JWS invalid.
    /// </summary>
    private static string WithCriticalExtension(JwksServer issuer) =>
        TestTokens.Sign(issuer.PrimaryKey, issuer.PayloadWith(_ => { }), new Dictionary<string, object>
        {
            ["crit"] = new[] { "urn:example:must-understand" },
            ["urn:example:must-understand"] = true,
        });

    /// <summary>Signed by <paramref name="attacker"/>, whose public key travels in the header as <c>jwk</c> (RFC 7515 §4.1.3).</summary>
    public static string WithEmbeddedJwk(JwksServer issuer, TestSigningKey attacker) =>
        TestTokens.Sign(attacker, issuer.PayloadWith(_ => { }), new Dictionary<string, object>
        {
            ["jwk"] = attacker.PublicJwk.ToDictionary(e => e.Key, e => (object)e.Value),
        });

    /// <summary>Signed by <paramref name="attacker"/>, pointing at its key set with a <c>jku</c> or <c>x5u</c> header.</summary>
    public static string WithKeyUrl(JwksServer issuer, TestSigningKey attacker, string header, string url) =>
        TestTokens.Sign(attacker, issuer.PayloadWith(_ => { }), new Dictionary<string, object> { [header] = url });
}
