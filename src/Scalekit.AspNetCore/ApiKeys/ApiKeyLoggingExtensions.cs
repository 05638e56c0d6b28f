using Microsoft.Extensions.Logging;

namespace Scalekit.AspNetCore;

/// <summary>Log messages of API keys (events 40–59). Keys are never logged, only their ids (<c>apit_…</c>).</summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(40, LogLevel.Debug, "Scalekit API key {ApiKeyId} accepted for organization {OrganizationId}, user {UserId} ({Source}).", EventName = "ApiKeyAccepted")]
    public static partial void ApiKeyAccepted(this ILogger logger, string apiKeyId, string? organizationId, string? userId, string source);

    [LoggerMessage(41, LogLevel.Information, "Scalekit API key rejected: {Reason} ({Detail}).", EventName = "ApiKeyRejected")]
    public static partial void ApiKeyRejected(this ILogger logger, string reason, string detail);

    [LoggerMessage(42, LogLevel.Debug, "Asked Scalekit to validate an API key: {Outcome} (key id {ApiKeyId}).", EventName = "ApiKeyValidated")]
    public static partial void ApiKeyValidated(this ILogger logger, string outcome, string? apiKeyId);

    [LoggerMessage(43, LogLevel.Warning, "Scalekit API keys found in no cache arrive faster than {ValidationsPerSecond}/s (burst {ValidationBurst}): they are answered 503 with Retry-After without asking Scalekit (Scalekit:ApiKeys:ValidationsPerSecond).", EventName = "ApiKeyValidationsThrottled")]
    public static partial void ApiKeyValidationsThrottled(this ILogger logger, double validationsPerSecond, int validationBurst);

    [LoggerMessage(44, LogLevel.Warning, "Scalekit could not validate an API key that is not cached: {Cause}. Answering 503 with Retry-After {RetryAfterSeconds}s; keys validated in the last {CacheDuration} keep working from the cache.", EventName = "ApiKeyValidationUnavailable")]
    public static partial void ApiKeyValidationUnavailable(this ILogger logger, string cause, int retryAfterSeconds, TimeSpan cacheDuration);

    [LoggerMessage(45, LogLevel.Warning, "The shared cache (HybridCache) failed to {Operation} an API key validation ({ErrorType}: {Error}); skipping it.", EventName = "ApiKeySharedCacheFailed")]
    public static partial void ApiKeySharedCacheFailed(this ILogger logger, string operation, string errorType, string error);

    [LoggerMessage(46, LogLevel.Debug, "Scalekit API key validation read from the shared cache: {Outcome}, standing until {ValidUntil}.", EventName = "ApiKeyFromSharedCache")]
    public static partial void ApiKeyFromSharedCache(this ILogger logger, string outcome, DateTimeOffset validUntil);

    [LoggerMessage(47, LogLevel.Information, "Scalekit API key {ApiKeyId} lacks scope(s) {MissingScopes} for {Path}: API keys carry no scopes.", EventName = "ApiKeyWithoutScopes")]
    public static partial void ApiKeyWithoutScopes(this ILogger logger, string? apiKeyId, string missingScopes, string path);

    [LoggerMessage(48, LogLevel.Debug, "Scalekit API key not validated: {Detail}. Answering 503 with Retry-After {RetryAfterSeconds}s.", EventName = "ApiKeyRateLimited")]
    public static partial void ApiKeyRateLimited(this ILogger logger, string detail, int retryAfterSeconds);
}
