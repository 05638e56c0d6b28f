using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>An RSA signing key with a Scalekit-style <c>kid</c>: the private half signs tokens, the public half goes in the JWKS.</summary>
public sealed class TestSigningKey
{
    private static int _counter;

    private TestSigningKey(RSA rsa, string kid)
    {
        Rsa = rsa;
        Kid = kid;
        PrivateKey = new RsaSecurityKey(rsa) { KeyId = kid };
        var parameters = rsa.ExportParameters(false);
        PublicJwk = new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public RSA Rsa { get; }

    public string Kid { get; }

    public RsaSecurityKey PrivateKey { get; }

    /// <summary>The public key as a JWKS entry, shaped like Scalekit's.</summary>
    public IReadOnlyDictionary<string, string> PublicJwk { get; }

    public SigningCredentials Credentials => new(PrivateKey, SecurityAlgorithms.RsaSha256);

    public static TestSigningKey Create(string? kid = null) =>
        new(RSA.Create(2048), kid ?? $"snk_{58327480989122566 + Interlocked.Increment(ref _counter)}");

    /// <summary>The same RSA key under another <c>kid</c>: many distinct key ids without generating a key for each.</summary>
    public TestSigningKey WithKid(string kid) => new(Rsa, kid);
}
