using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// A signing key with a Scalekit-style <c>kid</c>: the private half signs tokens, the public half goes in the JWKS.
/// RSA 2048 with RS256, as Scalekit's, unless made otherwise: EC keys, smaller RSA keys, another signing algorithm or
/// an edited JWK are for the key-policy tests.
/// </summary>
public sealed class TestSigningKey
{
    private static int _counter;
    private readonly AsymmetricAlgorithm _material;

    private TestSigningKey(AsymmetricAlgorithm material, string kid, string algorithm, IReadOnlyDictionary<string, object> publicJwk)
    {
        _material = material;
        Kid = kid;
        Algorithm = algorithm;
        PrivateKey = material switch
        {
            RSA rsa => new RsaSecurityKey(rsa) { KeyId = kid },
            ECDsa ecdsa => new ECDsaSecurityKey(ecdsa) { KeyId = kid },
            _ => throw new ArgumentOutOfRangeException(nameof(material), material, "RSA or ECDsa"),
        };
        PublicJwk = publicJwk;
    }

    /// <summary>The RSA key pair; only for RSA keys.</summary>
    public RSA Rsa => _material as RSA ?? throw new InvalidOperationException("not an RSA key");

    public string Kid { get; }

    /// <summary>The algorithm tokens are signed with: the JWK's <c>alg</c> unless <see cref="SigningWith"/> changed it.</summary>
    public string Algorithm { get; }

    public AsymmetricSecurityKey PrivateKey { get; }

    /// <summary>The public key as a JWKS entry, shaped like Scalekit's (or as <see cref="WithJwk"/> left it).</summary>
    public IReadOnlyDictionary<string, object> PublicJwk { get; }

    public SigningCredentials Credentials => new(PrivateKey, Algorithm);

    /// <summary>An RSA 2048 key published with <c>alg</c> RS256, as Scalekit publishes them.</summary>
    public static TestSigningKey Create(string? kid = null) => CreateRsa(2048, kid);

    /// <summary>An RSA key of <paramref name="bits"/> published with <c>alg</c> RS256.</summary>
    public static TestSigningKey CreateRsa(int bits, string? kid = null) => FromMaterial(RSA.Create(bits), kid ?? NextKid(), SecurityAlgorithms.RsaSha256);

    /// <summary>An EC key on <paramref name="curve"/> (<c>P-256</c>, <c>P-384</c> or <c>P-521</c>), published with that curve's <c>alg</c>.</summary>
    public static TestSigningKey CreateEc(string curve, string? kid = null)
    {
        var (parameters, algorithm) = curve switch
        {
            JsonWebKeyECTypes.P256 => (ECCurve.NamedCurves.nistP256, SecurityAlgorithms.EcdsaSha256),
            JsonWebKeyECTypes.P384 => (ECCurve.NamedCurves.nistP384, SecurityAlgorithms.EcdsaSha384),
            JsonWebKeyECTypes.P521 => (ECCurve.NamedCurves.nistP521, SecurityAlgorithms.EcdsaSha512),
            _ => throw new ArgumentOutOfRangeException(nameof(curve), curve, "P-256, P-384 or P-521"),
        };
        return FromMaterial(ECDsa.Create(parameters), kid ?? NextKid(), algorithm);
    }

    /// <summary>The same key pair under another <c>kid</c>: many distinct key ids without generating a key for each.</summary>
    public TestSigningKey WithKid(string kid) => FromMaterial(_material, kid, Algorithm);

    /// <summary>The same key, its JWK unchanged, signing tokens with <paramref name="algorithm"/> (an <c>alg</c> header the JWK may not allow).</summary>
    public TestSigningKey SigningWith(string algorithm) => new(_material, Kid, algorithm, PublicJwk);

    /// <summary>The same key, published as <paramref name="edit"/> leaves its JWK (members removed, changed or added).</summary>
    public TestSigningKey WithJwk(Action<Dictionary<string, object>> edit)
    {
        var jwk = new Dictionary<string, object>(PublicJwk);
        edit(jwk);
        return new(_material, Kid, Algorithm, jwk);
    }

    /// <summary>
    /// Signs <paramref name="data"/> with <see cref="Algorithm"/> straight through System.Security.Cryptography: for
    /// tokens built by hand (<see cref="TestTokens.SignDirectly"/>, <see cref="TestTokens.SignRaw(TestSigningKey, byte[], byte[])"/>),
    /// including what Microsoft.IdentityModel refuses to sign (an RSA key under 2048 bits, ES256 with a P-384 key).
    /// </summary>
    public byte[] SignData(byte[] data)
    {
        var hash = Algorithm[^3..] switch
        {
            "256" => HashAlgorithmName.SHA256,
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => throw new InvalidOperationException($"no hash for {Algorithm}"),
        };
        return _material switch
        {
            RSA rsa => rsa.SignData(data, hash, Algorithm.StartsWith("PS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => ecdsa.SignData(data, hash), // IEEE P1363, as JWS wants (RFC 7518 §3.4)
            _ => throw new InvalidOperationException("RSA or ECDsa"),
        };
    }

    private static string NextKid() => $"snk_{58327480989122566 + Interlocked.Increment(ref _counter)}";

    private static TestSigningKey FromMaterial(AsymmetricAlgorithm material, string kid, string algorithm) =>
        new(material, kid, algorithm, PublicJwkOf(material, kid, algorithm));

    private static Dictionary<string, object> PublicJwkOf(AsymmetricAlgorithm material, string kid, string algorithm)
    {
        var jwk = new Dictionary<string, object>
        {
            ["kty"] = material is RSA ? JsonWebAlgorithmsKeyTypes.RSA : JsonWebAlgorithmsKeyTypes.EllipticCurve,
            ["use"] = JsonWebKeyUseNames.Sig,
            ["alg"] = algorithm,
            ["kid"] = kid,
        };
        if (material is RSA rsa)
        {
            var parameters = rsa.ExportParameters(false);
            jwk["n"] = Base64UrlEncoder.Encode(parameters.Modulus);
            jwk["e"] = Base64UrlEncoder.Encode(parameters.Exponent);
        }
        else
        {
            var parameters = ((ECDsa)material).ExportParameters(false);
            jwk["crv"] = material.KeySize switch
            {
                256 => JsonWebKeyECTypes.P256,
                384 => JsonWebKeyECTypes.P384,
                _ => JsonWebKeyECTypes.P521,
            };
            jwk["x"] = Base64UrlEncoder.Encode(parameters.Q.X);
            jwk["y"] = Base64UrlEncoder.Encode(parameters.Q.Y);
        }

        return jwk;
    }
}
