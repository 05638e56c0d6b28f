namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// The fixed <c>error_description</c> texts of a 401 <c>invalid_token</c>, written out rather than read from
/// <c>TokenFailure.Describe</c>: they are part of the wire contract, and a change to them should fail a test.
/// </summary>
public static class TokenErrors
{
    public const string Invalid = "The access token is invalid";
    public const string Malformed = "The access token is malformed";
    public const string TooLarge = "The access token is too large";
    public const string Expired = "The access token expired";
    public const string NotYetValid = "The access token is not valid yet (nbf)";
    public const string NoExpiration = "The access token has no expiry (exp)";
    public const string InvalidAudience = "The access token audience is not accepted by this API";
    public const string InvalidIssuer = "The access token issuer is not accepted by this API";
    public const string InvalidSignature = "The access token signature is invalid";
    public const string SigningKeyNotFound = "The signing key (kid) was not found in the JWKS";
    public const string AlgorithmNotAllowed = "The signing algorithm is not allowed";
    public const string InvalidType = "The access token type (typ) is not accepted";
    public const string NoSubject = "The access token names no client (client_id or sub)";
    public const string CriticalHeader = "The access token header lists critical extensions (crit) that this API does not understand";
    public const string KeysUnavailable = "The signing keys could not be fetched from the Scalekit environment";
    public const string InsufficientScope = "The access token lacks a required scope";
    public const string ApiKeyWithoutScopes = "API keys carry no scopes; this endpoint requires an access token with a scope";
    public const string ApiKeyRefused = "The API key is invalid, invalidated or expired";
    public const string ApiKeyMalformed = "The API key is malformed";
    public const string ApiKeyThrottled = "API key validations are rate-limited; try again later";
    public const string ApiKeysUnavailable = "The API key could not be validated: Scalekit could not be reached";

    /// <summary>Every description above: a refused token gets one of these and nothing else.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Invalid, Malformed, TooLarge, Expired, NotYetValid, NoExpiration, InvalidAudience, InvalidIssuer, InvalidSignature,
        SigningKeyNotFound, AlgorithmNotAllowed, InvalidType, NoSubject, CriticalHeader,
    ];
}
