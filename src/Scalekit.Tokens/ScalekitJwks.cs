using Microsoft.IdentityModel.Tokens;

namespace Scalekit.Tokens;

/// <summary>
/// The JWKS document (<c>{"keys":[…]}</c>) that publishes RSA signing keys the way Scalekit's <c>/keys</c> does: public
/// halves only, <c>use</c> <c>sig</c>, <c>alg</c> <c>RS256</c>. Served by the emulator and by the test kit's in-memory authority.
/// </summary>
public static class ScalekitJwks
{
    /// <summary>The document for <paramref name="keys"/>, ready for <c>JsonSerializer</c> or <c>Results.Json</c>.</summary>
    /// <param name="keys">The published keys, each with its <c>kid</c>.</param>
    /// <returns>An object of one member, <c>keys</c>, an array of JWKs.</returns>
    public static object Document(IEnumerable<(string Kid, RsaSecurityKey Key)> keys) => new { keys = Keys(keys) };

    /// <summary>
    /// The document for <paramref name="keys"/> as JSON text: what <c>JsonSerializer.Serialize(Document(keys))</c> writes,
    /// without reflection (trimming- and native-AOT-safe).
    /// </summary>
    /// <param name="keys">The published keys, each with its <c>kid</c>.</param>
    /// <returns><c>{"keys":[…]}</c>.</returns>
    public static string Json(IEnumerable<(string Kid, RsaSecurityKey Key)> keys) =>
        TokenJson.Object([new KeyValuePair<string, object>("keys", Keys(keys))]);

    private static Dictionary<string, string>[] Keys(IEnumerable<(string Kid, RsaSecurityKey Key)> keys) =>
        keys.Select(k =>
        {
            var parameters = k.Key.Rsa.ExportParameters(false);
            return new Dictionary<string, string>
            {
                ["use"] = "sig",
                ["kty"] = "RSA",
                ["kid"] = k.Kid,
                ["alg"] = SecurityAlgorithms.RsaSha256,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
        }).ToArray();
}
