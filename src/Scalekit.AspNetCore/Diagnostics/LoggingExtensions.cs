using Microsoft.Extensions.Logging;

namespace Scalekit.AspNetCore;

/// <summary>Log messages of Scalekit API auth. Event ids are stable and never reused. Tokens and secrets are never logged.</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(1, LogLevel.Debug, "Scalekit token accepted for client {ClientId} of organization {OrganizationId}.", EventName = "TokenAccepted")]
    public static partial void TokenAccepted(this ILogger logger, string? clientId, string? organizationId);

    [LoggerMessage(2, LogLevel.Information, "Scalekit token rejected: {Reason} ({Detail}).", EventName = "TokenRejected")]
    public static partial void TokenRejected(this ILogger logger, string reason, string detail);

    [LoggerMessage(3, LogLevel.Warning, "Scalekit signing keys are unavailable; answering 503 with Retry-After {RetryAfterSeconds}s.", EventName = "SigningKeysUnavailable")]
    public static partial void SigningKeysUnavailable(this ILogger logger, int retryAfterSeconds);

    [LoggerMessage(4, LogLevel.Warning, "Scalekit audience validation is disabled for scheme {Scheme}: tokens issued for any API of the environment are accepted.", EventName = "AudienceValidationDisabled")]
    public static partial void AudienceValidationDisabled(this ILogger logger, string scheme);

    [LoggerMessage(5, LogLevel.Debug, "Scalekit token carries {Count} scope value(s) that are not one scope-token each (RFC 6749 §3.3: white space other than U+0020 separators, or other characters outside the scope-token set, or not a string); they grant nothing.", EventName = "ScopeValuesIgnored")]
    public static partial void ScopeValuesIgnored(this ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Information, "Fetched {KeyCount} Scalekit signing key(s) from {JwksUri} ({Trigger}).", EventName = "SigningKeysFetched")]
    public static partial void SigningKeysFetched(this ILogger logger, int keyCount, Uri jwksUri, string trigger);

    [LoggerMessage(11, LogLevel.Warning, "Fetching Scalekit signing keys from {Address} failed ({Trigger}): {Error}. Keeping {KeyCount} cached key(s); next attempt in {RetryDelay}.", EventName = "SigningKeysFetchFailed")]
    public static partial void SigningKeysFetchFailed(this ILogger logger, Uri address, string trigger, string error, int keyCount, TimeSpan retryDelay);

    [LoggerMessage(12, LogLevel.Information, "Scalekit token names unknown key id {Kid}; refreshing the JWKS.", EventName = "UnknownKeyRefresh")]
    public static partial void UnknownKeyRefresh(this ILogger logger, string kid);

    [LoggerMessage(13, LogLevel.Debug, "Scalekit token names unknown key id {Kid}; not fetching the JWKS for it: {Reason}.", EventName = "UnknownKeyThrottled")]
    public static partial void UnknownKeyThrottled(this ILogger logger, string kid, string reason);

    [LoggerMessage(14, LogLevel.Warning, "Skipped {SkippedCount} key(s) of the Scalekit JWKS at {JwksUri} that cannot verify tokens: {SkippedKeys}.", EventName = "SigningKeysSkipped")]
    public static partial void SigningKeysSkipped(this ILogger logger, int skippedCount, Uri jwksUri, string skippedKeys);

    [LoggerMessage(16, LogLevel.Debug, "Scalekit token names unknown key id {Kid}; the JWKS was fetched for another unknown key id less than a cooldown ago, waiting {Wait} for the next fetch.", EventName = "UnknownKeyDeferred")]
    public static partial void UnknownKeyDeferred(this ILogger logger, string kid, TimeSpan wait);

    [LoggerMessage(17, LogLevel.Warning, "Scalekit signing keys of scheme {Scheme} were not cached within the start-up wait of {StartupWait}; starting anyway, the warm-up keeps fetching in the background.", EventName = "SigningKeysWarmUpPending")]
    public static partial void SigningKeysWarmUpPending(this ILogger logger, string scheme, TimeSpan startupWait);

    [LoggerMessage(20, LogLevel.Information, "Scalekit client {ClientId} lacks scope(s) {MissingScopes} for {Path}.", EventName = "InsufficientScope")]
    public static partial void InsufficientScope(this ILogger logger, string? clientId, string missingScopes, string path);

    [LoggerMessage(21, LogLevel.Warning, "The Scalekit scope filter refused a request to {Path} that authorization let through (is the endpoint marked AllowAnonymous?).", EventName = "ScopeFilterRefused")]
    public static partial void ScopeFilterRefused(this ILogger logger, string path);

    [LoggerMessage(22, LogLevel.Debug, "Scalekit fast authorization is on: requests authenticated by Scalekit to endpoints that need only scopes skip IAuthorizationService.", EventName = "FastAuthorizationOn")]
    public static partial void FastAuthorizationOn(this ILogger logger);

    [LoggerMessage(23, LogLevel.Debug, "Scalekit fast authorization is off: {Reason}. Every request goes through IAuthorizationService.", EventName = "FastAuthorizationOff")]
    public static partial void FastAuthorizationOff(this ILogger logger, string reason);
}
