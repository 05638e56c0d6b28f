using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>Why a token was refused, in a fixed vocabulary that is safe to send back and to use as a metric tag.</summary>
internal enum TokenFailureReason
{
    Invalid,
    Malformed,
    TooLarge,
    Expired,
    NotYetValid,
    NoExpiration,
    InvalidAudience,
    InvalidIssuer,
    InvalidSignature,
    SigningKeyNotFound,
    AlgorithmNotAllowed,
    KeysUnavailable,
    InvalidType,
    NoSubject,
    CriticalHeader,
}

/// <summary>Maps validation exceptions to <see cref="TokenFailureReason"/>, descriptions and metric tags.</summary>
internal static class TokenFailure
{
    public static TokenFailureReason Classify(Exception? failure) => failure switch
    {
        null => TokenFailureReason.Invalid,
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Classify(aggregate.InnerExceptions[0]),
        ScalekitSigningKeysUnavailableException => TokenFailureReason.KeysUnavailable,
        ScalekitInvalidTokenException refused => refused.Reason,
        // Order matters: several of these derive from one another.
        SecurityTokenInvalidAudienceException => TokenFailureReason.InvalidAudience,
        SecurityTokenInvalidIssuerException => TokenFailureReason.InvalidIssuer,
        SecurityTokenNoExpirationException => TokenFailureReason.NoExpiration,
        SecurityTokenNotYetValidException => TokenFailureReason.NotYetValid,
        SecurityTokenExpiredException => TokenFailureReason.Expired,
        SecurityTokenInvalidAlgorithmException => TokenFailureReason.AlgorithmNotAllowed,
        SecurityTokenSignatureKeyNotFoundException => TokenFailureReason.SigningKeyNotFound,
        SecurityTokenInvalidSignatureException => TokenFailureReason.InvalidSignature,
        SecurityTokenMalformedException or ArgumentException => TokenFailureReason.Malformed,
        _ => TokenFailureReason.Invalid,
    };

    /// <summary>The <c>error_description</c> sent in <c>WWW-Authenticate</c>: fixed text, never token content.</summary>
    public static string Describe(TokenFailureReason reason) => reason switch
    {
        TokenFailureReason.Malformed => "The access token is malformed",
        TokenFailureReason.TooLarge => "The access token is too large",
        TokenFailureReason.Expired => "The access token expired",
        TokenFailureReason.NotYetValid => "The access token is not valid yet (nbf)",
        TokenFailureReason.NoExpiration => "The access token has no expiry (exp)",
        TokenFailureReason.InvalidAudience => "The access token audience is not accepted by this API",
        TokenFailureReason.InvalidIssuer => "The access token issuer is not accepted by this API",
        TokenFailureReason.InvalidSignature => "The access token signature is invalid",
        TokenFailureReason.SigningKeyNotFound => "The signing key (kid) was not found in the JWKS",
        TokenFailureReason.AlgorithmNotAllowed => "The signing algorithm is not allowed",
        TokenFailureReason.KeysUnavailable => "The signing keys could not be fetched from the Scalekit environment",
        TokenFailureReason.InvalidType => "The access token type (typ) is not accepted",
        TokenFailureReason.NoSubject => "The access token names no client (client_id or sub)",
        TokenFailureReason.CriticalHeader => "The access token header lists critical extensions (crit) that this API does not understand",
        _ => "The access token is invalid",
    };

    /// <summary>A snake_case tag for metrics and logs.</summary>
    public static string Tag(TokenFailureReason reason) => reason switch
    {
        TokenFailureReason.Malformed => "malformed",
        TokenFailureReason.TooLarge => "too_large",
        TokenFailureReason.Expired => "expired",
        TokenFailureReason.NotYetValid => "not_yet_valid",
        TokenFailureReason.NoExpiration => "no_expiration",
        TokenFailureReason.InvalidAudience => "invalid_audience",
        TokenFailureReason.InvalidIssuer => "invalid_issuer",
        TokenFailureReason.InvalidSignature => "invalid_signature",
        TokenFailureReason.SigningKeyNotFound => "signing_key_not_found",
        TokenFailureReason.AlgorithmNotAllowed => "algorithm_not_allowed",
        TokenFailureReason.KeysUnavailable => "keys_unavailable",
        TokenFailureReason.InvalidType => "invalid_type",
        TokenFailureReason.NoSubject => "no_subject",
        TokenFailureReason.CriticalHeader => "critical_header",
        _ => "invalid",
    };
}
