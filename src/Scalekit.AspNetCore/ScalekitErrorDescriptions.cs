namespace Scalekit.AspNetCore;

/// <summary>
/// The fixed <c>error_description</c> texts a Scalekit-protected API sends in <c>WWW-Authenticate</c> (RFC 6750 §3)
/// and in its problem body: never token content. Public so that tests and clients can compare with constants.
/// </summary>
public static class ScalekitErrorDescriptions
{
    /// <summary>A token refused for a reason not listed here.</summary>
    public const string Invalid = "The access token is invalid";

    /// <summary>Not a compact JWS, not base64url, not one JSON object per part, invalid Unicode, a registered member twice, a time claim that is not a number.</summary>
    public const string Malformed = "The access token is malformed";

    /// <summary>Longer than <see cref="ScalekitApiAuthOptions.MaxTokenSize"/>.</summary>
    public const string TooLarge = "The access token is too large";

    /// <summary>Past its <c>exp</c> (and the clock skew).</summary>
    public const string Expired = "The access token expired";

    /// <summary>Before its <c>nbf</c> (and the clock skew).</summary>
    public const string NotYetValid = "The access token is not valid yet (nbf)";

    /// <summary>Without <c>exp</c>.</summary>
    public const string NoExpiration = "The access token has no expiry (exp)";

    /// <summary>No <c>aud</c> equals an accepted audience.</summary>
    public const string InvalidAudience = "The access token audience is not accepted by this API";

    /// <summary><c>iss</c> is not the configured issuer, to the character.</summary>
    public const string InvalidIssuer = "The access token issuer is not accepted by this API";

    /// <summary>The signature does not verify with the key its <c>kid</c> names.</summary>
    public const string InvalidSignature = "The access token signature is invalid";

    /// <summary>The JWKS has no key with the token's <c>kid</c>, even after fetching it again.</summary>
    public const string SigningKeyNotFound = "The signing key (kid) was not found in the JWKS";

    /// <summary>The token's <c>alg</c> is not the algorithm its key is bound to, or not an allowed one.</summary>
    public const string AlgorithmNotAllowed = "The signing algorithm is not allowed";

    /// <summary>The signing keys could never be fetched (the 503 of a cold start).</summary>
    public const string KeysUnavailable = "The signing keys could not be fetched from the Scalekit environment";

    /// <summary>A <c>typ</c> other than <c>JWT</c>, <c>at+jwt</c> or <c>application/at+jwt</c>.</summary>
    public const string InvalidType = "The access token type (typ) is not accepted";

    /// <summary>Neither <c>client_id</c> nor <c>sub</c>.</summary>
    public const string NoSubject = "The access token names no client (client_id or sub)";

    /// <summary>A <c>crit</c> header.</summary>
    public const string CriticalHeader = "The access token header lists critical extensions (crit) that this API does not understand";

    /// <summary>The 403 <c>insufficient_scope</c>: the token lacks a scope the endpoint requires.</summary>
    public const string InsufficientScope = "The access token lacks a required scope";

    /// <summary>The 403 <c>insufficient_scope</c> of an API key: keys carry no scopes, so no scope requirement passes.</summary>
    public const string ApiKeyWithoutScopes = "API keys carry no scopes; this endpoint requires an access token with a scope";

    /// <summary>Scalekit refused the API key: unknown, invalidated or expired.</summary>
    public const string ApiKeyRefused = "The API key is invalid, invalidated or expired";

    /// <summary>The value is neither a compact JWS nor shaped like an API key (refused without asking Scalekit).</summary>
    public const string ApiKeyMalformed = "The API key is malformed";

    /// <summary>
    /// Too many API keys found in no cache: not validated, for the rate bound (<c>Scalekit:ApiKeys:ValidationsPerSecond</c>).
    /// Such a key is answered 503 with <c>Retry-After</c>, not refused: it may be a good key.
    /// </summary>
    public const string ApiKeyThrottled = "API key validations are rate-limited; try again later";

    /// <summary>The 503 of an API key that is not cached while Scalekit cannot be asked.</summary>
    public const string ApiKeysUnavailable = "The API key could not be validated: Scalekit could not be reached";
}
