using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Bench;

/// <summary>
/// The issuer the benchmarks and the load server validate against, in memory: an RSA signing key (rotatable) and an
/// EC P-256 key for token floods, published as one JWKS, and Scalekit-shaped RS256 tokens. The token shapes come from
/// the test suite's <see cref="TestTokens"/> (linked source), so that benchmarks and tests mint the same tokens.
/// </summary>
public sealed class BenchIssuer
{
    /// <summary>The scope of <see cref="Token"/>.</summary>
    public const string Scope = "read:bench";

    private readonly object _gate = new();
    private TestSigningKey _signingKey = TestSigningKey.Create();

    public BenchIssuer(string issuer)
    {
        Issuer = issuer;
        FloodKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    }

    /// <summary>The <c>iss</c> of every token, also the environment URL the APIs are configured with.</summary>
    public string Issuer { get; }

    /// <summary>The <c>aud</c> of every token.</summary>
    public static string Audience => TestTokens.Audience;

    /// <summary>The RSA key that signs <see cref="Token"/>; <see cref="Rotate"/> replaces it.</summary>
    public TestSigningKey SigningKey
    {
        get
        {
            lock (_gate)
            {
                return _signingKey;
            }
        }
    }

    /// <summary>An EC P-256 key, published too: ES256 signing is fast enough to mint a million distinct tokens.</summary>
    public ECDsa FloodKey { get; }

    public string FloodKid => "snk_bench_flood";

    /// <summary>A valid token (one hour) signed by the current RSA key, with scope <see cref="Scope"/>.</summary>
    public string Token() => TestTokens.Create(SigningKey, Issuer, Scope);

    /// <summary>Publishes a new RSA key in place of the current one (which is retired) and returns it.</summary>
    public TestSigningKey Rotate()
    {
        var key = TestSigningKey.Create();
        lock (_gate)
        {
            _signingKey = key;
        }

        return key;
    }

    /// <summary>The JWKS: the current RSA key and the flood key.</summary>
    public string Jwks()
    {
        var ec = FloodKey.ExportParameters(false);
        var floodJwk = new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
            ["crv"] = "P-256",
            ["kid"] = FloodKid,
            ["x"] = Base64UrlEncoder.Encode(ec.Q.X),
            ["y"] = Base64UrlEncoder.Encode(ec.Q.Y),
        };
        return JsonSerializer.Serialize(new { keys = new object[] { SigningKey.PublicJwk, floodJwk } });
    }

    /// <summary>An OpenID discovery document pointing at <c>/keys</c>, for stock JwtBearer.</summary>
    public string Discovery() =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["issuer"] = Issuer, ["jwks_uri"] = Issuer + "/keys" });
}
