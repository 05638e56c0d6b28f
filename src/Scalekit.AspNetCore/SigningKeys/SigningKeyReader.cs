using System.Buffers.Text;
using System.Collections.Frozen;
using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// Reads a JWKS (RFC 7517) into the keys that may verify Scalekit tokens, each bound to exactly one algorithm
/// (RFC 8725 §3.1), and the keys it skipped, each with a reason from <see cref="Reasons"/>. A key is used when, in this
/// order (the first rule it breaks is its reason):
/// <list type="number">
/// <item>its members are well formed: strings where RFC 7517 says so, <c>key_ops</c> an array of strings, no member
/// repeated, base64url key material;</item>
/// <item>its <c>kty</c> is <c>RSA</c> or <c>EC</c>: <c>oct</c> (a shared secret has no place in a public key set),
/// <c>OKP</c> and any other type are skipped, as RFC 7517 §5 allows;</item>
/// <item><c>use</c>, when present, is <c>sig</c>, and <c>key_ops</c>, when present, holds <c>verify</c> (RFC 7517 §4.2–4.3);</item>
/// <item>it has a <c>kid</c>: a token is only ever checked against the keys its <c>kid</c> names;</item>
/// <item>RSA: <c>alg</c>, when present, is RS256/384/512 or PS256/384/512; <c>n</c> and <c>e</c> are present and the
/// modulus has at least <see cref="MinimumRsaModulusBits"/> bits (RFC 7518 §3.3, §3.5);</item>
/// <item>EC: the curve is P-256, P-384 or P-521, <c>alg</c>, when present, is that curve's algorithm (RFC 7518 §3.4),
/// and <c>x</c> and <c>y</c> are full-size coordinates of a point on the curve (RFC 7518 §6.2.1).</item>
/// </list>
/// Keys are built with System.Security.Cryptography (<see cref="RsaSecurityKey"/> from <see cref="RSAParameters"/>,
/// <see cref="ECDsaSecurityKey"/> from <see cref="ECParameters"/>) and signatures are checked by Microsoft.IdentityModel:
/// there is no signature code here. Members this reader does not use (<c>x5c</c>, <c>x5t</c>…) are ignored.
/// </summary>
internal static class SigningKeyReader
{
    /// <summary>The smallest RSA modulus accepted, in bits, leading zero bytes not counted (RFC 7518 §3.3).</summary>
    public const int MinimumRsaModulusBits = 2048;

    /// <summary>
    /// The algorithm an RSA key without <c>alg</c> is bound to: <c>RS256</c>, the one Scalekit signs with. RFC 8725 §3.1
    /// wants each key used with exactly one algorithm, and an RSA JWK without <c>alg</c> does not say which: rather than
    /// verify whichever of RS256/384/512 or PS256/384/512 a token names with it, such a key verifies RS256 only. An
    /// issuer signing with another RSA algorithm says so in the key's <c>alg</c>. (An EC key without <c>alg</c> is
    /// bound to the one algorithm of its curve.)
    /// </summary>
    public const string DefaultRsaAlgorithm = SecurityAlgorithms.RsaSha256;

    /// <summary>The <c>key_ops</c> value that lets a key verify signatures (RFC 7517 §4.3).</summary>
    private const string VerifyOperation = "verify";

    /// <summary>At most this many skipped keys are listed in a log line; the rest are counted.</summary>
    public const int ListedSkips = 10;

    private static readonly FrozenSet<string> RsaAlgorithms = new[]
    {
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Curve> Curves = new Dictionary<string, Curve>
    {
        [JsonWebKeyECTypes.P256] = new(ECCurve.NamedCurves.nistP256, SecurityAlgorithms.EcdsaSha256, 32),
        [JsonWebKeyECTypes.P384] = new(ECCurve.NamedCurves.nistP384, SecurityAlgorithms.EcdsaSha384, 48),
        [JsonWebKeyECTypes.P521] = new(ECCurve.NamedCurves.nistP521, SecurityAlgorithms.EcdsaSha512, 66),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Reads <paramref name="json"/>, a JWKS. Throws <see cref="InvalidDataException"/> when it is not a JSON object
    /// with a <c>keys</c> array; a key that breaks a rule is skipped, never the whole set.
    /// </summary>
    public static Result Read(string json)
    {
        using var document = Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("the JWKS is not a JSON object with a keys array");
        }

        var accepted = new List<BoundSigningKey>();
        var skipped = new List<Skipped>();
        var index = 0;
        foreach (var element in keys.EnumerateArray())
        {
            var jwk = Jwk.From(element);
            var (key, reason) = Bind(jwk);
            if (key is not null)
            {
                accepted.Add(key);
            }
            else
            {
                skipped.Add(new Skipped(index, jwk.Kid, reason!));
            }

            index++;
        }

        return new Result(accepted, skipped);
    }

    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the JWKS is not valid JSON ({ex.Message})", ex);
        }
    }

    /// <summary>The key <paramref name="jwk"/> describes, bound to its algorithm, or why it is skipped.</summary>
    private static (BoundSigningKey? Key, string? Reason) Bind(Jwk jwk)
    {
        if (jwk.Malformed)
        {
            return Skip(Reasons.Malformed);
        }

        if (jwk.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve))
        {
            return Skip(Reasons.UnsupportedKeyType);
        }

        if (jwk.Use is not (null or JsonWebKeyUseNames.Sig))
        {
            return Skip(Reasons.NotForSignatures);
        }

        if (jwk.KeyOps is { } operations && !operations.Contains(VerifyOperation, StringComparer.Ordinal))
        {
            return Skip(Reasons.NoVerifyOperation);
        }

        if (string.IsNullOrEmpty(jwk.Kid))
        {
            return Skip(Reasons.NoKid);
        }

        try
        {
            return jwk.Kty == JsonWebAlgorithmsKeyTypes.RSA ? BindRsa(jwk, jwk.Kid) : BindEc(jwk, jwk.Kid);
        }
        catch (FormatException)
        {
            return Skip(Reasons.Malformed); // n, e, x or y is not base64url
        }
    }

    private static (BoundSigningKey? Key, string? Reason) BindRsa(Jwk jwk, string kid)
    {
        var algorithm = jwk.Alg ?? DefaultRsaAlgorithm;
        if (!RsaAlgorithms.Contains(algorithm))
        {
            return Skip(Reasons.AlgorithmNotAllowed);
        }

        if (jwk.N is null || jwk.E is null)
        {
            return Skip(Reasons.IncompleteRsaKey);
        }

        var parameters = new RSAParameters { Modulus = Unsigned(jwk.N), Exponent = Unsigned(jwk.E) };
        if (BitLength(parameters.Modulus) < MinimumRsaModulusBits)
        {
            return Skip(Reasons.RsaKeyTooSmall);
        }

        try
        {
            // RsaSecurityKey keeps the parameters and imports them when it verifies: import once here, so that a key
            // the platform refuses is skipped now rather than failing every token it signed.
            using var rsa = RSA.Create();
            rsa.ImportParameters(parameters);
        }
        catch (CryptographicException)
        {
            return Skip(Reasons.InvalidRsaKey);
        }

        return (new BoundSigningKey(new RsaSecurityKey(parameters) { KeyId = kid }, algorithm), null);
    }

    private static (BoundSigningKey? Key, string? Reason) BindEc(Jwk jwk, string kid)
    {
        if (jwk.Crv is null || !Curves.TryGetValue(jwk.Crv, out var curve))
        {
            return Skip(Reasons.UnsupportedCurve);
        }

        if (jwk.Alg is not null && jwk.Alg != curve.Algorithm)
        {
            return Skip(Reasons.AlgorithmNotAllowed);
        }

        if (jwk.X is null || jwk.Y is null)
        {
            return Skip(Reasons.IncompleteEcKey);
        }

        var point = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) };
        if (point.X.Length != curve.CoordinateBytes || point.Y.Length != curve.CoordinateBytes)
        {
            return Skip(Reasons.InvalidEcPoint);
        }

        try
        {
            var ecdsa = ECDsa.Create(new ECParameters { Curve = curve.Parameters, Q = point });
            return (new BoundSigningKey(new ECDsaSecurityKey(ecdsa) { KeyId = kid }, curve.Algorithm), null);
        }
        catch (CryptographicException)
        {
            return Skip(Reasons.InvalidEcPoint);
        }
    }

    private static (BoundSigningKey? Key, string? Reason) Skip(string reason) => (null, reason);

    /// <summary>A base64url big-endian integer without its leading zero bytes (RFC 7518 §6.3.1 forbids them; some issuers send one).</summary>
    private static byte[] Unsigned(string base64Url)
    {
        var bytes = Base64Url.DecodeFromChars(base64Url);
        var zeros = bytes.AsSpan().IndexOfAnyExcept((byte)0);
        return zeros switch
        {
            0 => bytes,
            < 0 => [],
            _ => bytes[zeros..],
        };
    }

    /// <summary>The bit length of an unsigned big-endian integer: leading zero bits and bytes do not count.</summary>
    private static long BitLength(byte[] value) => new BigInteger(value, isUnsigned: true, isBigEndian: true).GetBitLength();

    /// <summary>What a JWKS yields: the keys to verify tokens with, and the keys skipped, in document order.</summary>
    /// <param name="Keys">The keys accepted, each bound to its algorithm.</param>
    /// <param name="Skipped">The keys skipped, with why.</param>
    public sealed record Result(IReadOnlyList<BoundSigningKey> Keys, IReadOnlyList<Skipped> Skipped)
    {
        /// <summary>The skipped keys as one log value: the first <see cref="ListedSkips"/>, then how many more, separated by <c>; </c>.</summary>
        public string DescribeSkipped() =>
            string.Join("; ", Skipped.Take(ListedSkips))
            + (Skipped.Count > ListedSkips ? $"; and {Skipped.Count - ListedSkips} more" : string.Empty);
    }

    /// <summary>A key of the JWKS that is not used.</summary>
    /// <param name="Index">Its position in the <c>keys</c> array, from 0.</param>
    /// <param name="Kid">Its <c>kid</c>, when it has a string one.</param>
    /// <param name="Reason">Why, one of <see cref="Reasons"/>.</param>
    public sealed record Skipped(int Index, string? Kid, string Reason)
    {
        /// <summary>As logged: <c>keys[2] snk_1: RSA modulus under 2048 bits</c>, the <c>kid</c> shortened and cleaned as every logged <c>kid</c> is.</summary>
        public override string ToString() =>
            string.IsNullOrEmpty(Kid) ? $"keys[{Index}]: {Reason}" : $"keys[{Index}] {SigningKeyCache.Truncate(Kid)}: {Reason}";
    }

    /// <summary>Why a key is skipped: a fixed vocabulary, safe to log (it never quotes key material).</summary>
    public static class Reasons
    {
        /// <summary>A member of the wrong JSON type, a repeated member, or key material that is not base64url.</summary>
        public const string Malformed = "malformed JWK";

        /// <summary><c>kty</c> is not <c>RSA</c> or <c>EC</c> (such as <c>oct</c> or <c>OKP</c>), or is missing.</summary>
        public const string UnsupportedKeyType = "key type is not RSA or EC";

        /// <summary><c>use</c> is not <c>sig</c> (such as <c>enc</c>).</summary>
        public const string NotForSignatures = "use is not sig";

        /// <summary><c>key_ops</c> is present and lacks <c>verify</c>.</summary>
        public const string NoVerifyOperation = "key_ops lacks verify";

        /// <summary>No <c>kid</c>, or an empty one.</summary>
        public const string NoKid = "no kid";

        /// <summary><c>alg</c> is not an algorithm of the key: not RS*/PS* for RSA, not the curve's ES* for EC.</summary>
        public const string AlgorithmNotAllowed = "alg does not fit the key";

        /// <summary>An RSA key without <c>n</c> or <c>e</c>.</summary>
        public const string IncompleteRsaKey = "RSA key without n or e";

        /// <summary>An RSA modulus shorter than <see cref="MinimumRsaModulusBits"/>.</summary>
        public const string RsaKeyTooSmall = "RSA modulus under 2048 bits";

        /// <summary>An RSA key the platform's cryptography refuses to import.</summary>
        public const string InvalidRsaKey = "RSA key refused by the platform";

        /// <summary>An EC key on a curve other than P-256, P-384 or P-521, or without <c>crv</c>.</summary>
        public const string UnsupportedCurve = "curve is not P-256, P-384 or P-521";

        /// <summary>An EC key without <c>x</c> or <c>y</c>.</summary>
        public const string IncompleteEcKey = "EC key without x or y";

        /// <summary>EC coordinates of the wrong size, or a point that is not on the curve.</summary>
        public const string InvalidEcPoint = "EC point not on its curve";
    }

    /// <summary>A curve this reader accepts: its parameters, its one algorithm and the size of a coordinate in bytes.</summary>
    private sealed record Curve(ECCurve Parameters, string Algorithm, int CoordinateBytes);

    /// <summary>
    /// The members of one JWK that this reader looks at. <see cref="Malformed"/> when the entry is not an object, when
    /// any member is repeated (RFC 7517 §4 lets a reader refuse that), or when one of these is not of its JSON type;
    /// the other members are still read, so that a malformed key is reported with its <c>kid</c>.
    /// </summary>
    private sealed class Jwk
    {
        public bool Malformed { get; private set; }

        public string? Kty { get; private set; }

        public string? Use { get; private set; }

        public string[]? KeyOps { get; private set; }

        public string? Alg { get; private set; }

        public string? Kid { get; private set; }

        public string? N { get; private set; }

        public string? E { get; private set; }

        public string? Crv { get; private set; }

        public string? X { get; private set; }

        public string? Y { get; private set; }

        public static Jwk From(JsonElement element)
        {
            var jwk = new Jwk();
            if (element.ValueKind != JsonValueKind.Object)
            {
                jwk.Malformed = true;
                return jwk;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in element.EnumerateObject())
            {
                if (!seen.Add(member.Name))
                {
                    jwk.Malformed = true;
                    continue;
                }

                jwk.Read(member);
            }

            return jwk;
        }

        private void Read(JsonProperty member)
        {
            switch (member.Name)
            {
                case "kty": Kty = Text(member.Value); break;
                case "use": Use = Text(member.Value); break;
                case "key_ops": KeyOps = Texts(member.Value); break;
                case "alg": Alg = Text(member.Value); break;
                case "kid": Kid = Text(member.Value); break;
                case "n": N = Text(member.Value); break;
                case "e": E = Text(member.Value); break;
                case "crv": Crv = Text(member.Value); break;
                case "x": X = Text(member.Value); break;
                case "y": Y = Text(member.Value); break;
            }
        }

        private string? Text(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            Malformed = true;
            return null;
        }

        private string[]? Texts(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                return value.EnumerateArray().Select(v => v.GetString()!).ToArray();
            }

            Malformed = true;
            return null;
        }
    }
}
