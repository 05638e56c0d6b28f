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
    ApiKeyMalformed,
    ApiKeyRefused,
    ApiKeyThrottled,
    ApiKeysUnavailable,
}

/// <summary>Maps validation exceptions to <see cref="TokenFailureReason"/>, descriptions and metric tags.</summary>
internal static class TokenFailure
{
    public static TokenFailureReason Classify(Exception? failure) => failure switch
    {
        null => TokenFailureReason.Invalid,
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Classify(aggregate.InnerExceptions[0]),
        ScalekitSigningKeysUnavailableException => TokenFailureReason.KeysUnavailable,
        ScalekitApiKeysUnavailableException { RateLimited: true } => TokenFailureReason.ApiKeyThrottled,
        ScalekitApiKeysUnavailableException => TokenFailureReason.ApiKeysUnavailable,
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
        TokenFailureReason.Malformed => ScalekitErrorDescriptions.Malformed,
        TokenFailureReason.TooLarge => ScalekitErrorDescriptions.TooLarge,
        TokenFailureReason.Expired => ScalekitErrorDescriptions.Expired,
        TokenFailureReason.NotYetValid => ScalekitErrorDescriptions.NotYetValid,
        TokenFailureReason.NoExpiration => ScalekitErrorDescriptions.NoExpiration,
        TokenFailureReason.InvalidAudience => ScalekitErrorDescriptions.InvalidAudience,
        TokenFailureReason.InvalidIssuer => ScalekitErrorDescriptions.InvalidIssuer,
        TokenFailureReason.InvalidSignature => ScalekitErrorDescriptions.InvalidSignature,
        TokenFailureReason.SigningKeyNotFound => ScalekitErrorDescriptions.SigningKeyNotFound,
        TokenFailureReason.AlgorithmNotAllowed => ScalekitErrorDescriptions.AlgorithmNotAllowed,
        TokenFailureReason.KeysUnavailable => ScalekitErrorDescriptions.KeysUnavailable,
        TokenFailureReason.InvalidType => ScalekitErrorDescriptions.InvalidType,
        TokenFailureReason.NoSubject => ScalekitErrorDescriptions.NoSubject,
        TokenFailureReason.CriticalHeader => ScalekitErrorDescriptions.CriticalHeader,
        TokenFailureReason.ApiKeyMalformed => ScalekitErrorDescriptions.ApiKeyMalformed,
        TokenFailureReason.ApiKeyRefused => ScalekitErrorDescriptions.ApiKeyRefused,
        TokenFailureReason.ApiKeyThrottled => ScalekitErrorDescriptions.ApiKeyThrottled,
        TokenFailureReason.ApiKeysUnavailable => ScalekitErrorDescriptions.ApiKeysUnavailable,
        _ => ScalekitErrorDescriptions.Invalid,
    };

    /// <summary>The <c>outcome</c> tag of an accepted token, beside the refusal tags of <see cref="Tag"/>.</summary>
    public const string SuccessTag = "success";

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
        TokenFailureReason.ApiKeyMalformed => "api_key_malformed",
        TokenFailureReason.ApiKeyRefused => "api_key_refused",
        TokenFailureReason.ApiKeyThrottled => "api_key_throttled",
        TokenFailureReason.ApiKeysUnavailable => "api_keys_unavailable",
        _ => "invalid",
    };
}
