using Microsoft.Extensions.Logging;

namespace Scalekit.Client.Internal;

/// <summary>
/// Log messages of the Scalekit client. Event ids are stable and never reused (100–199: tokens, 200–299: management).
/// Tokens and secrets are never logged; client ids, hosts, statuses and OAuth error codes are.
/// </summary>
internal static partial class LoggingExtensions
{
    [LoggerMessage(100, LogLevel.Information, "Scalekit token acquired for client {ClientId} (scope '{Scope}'); it expires in {ExpiresIn} and is replaced from {RefreshAt:O}.", EventName = "TokenAcquired")]
    public static partial void TokenAcquired(this ILogger logger, string clientId, string? scope, TimeSpan expiresIn, DateTimeOffset refreshAt);

    [LoggerMessage(101, LogLevel.Warning, "Scalekit token endpoint {TokenEndpoint} refused client {ClientId}: {StatusCode} {Error} ({ErrorDescription}).", EventName = "TokenRequestRefused")]
    public static partial void TokenRequestRefused(this ILogger logger, Uri tokenEndpoint, string clientId, int statusCode, string? error, string? errorDescription);

    [LoggerMessage(102, LogLevel.Warning, "Scalekit token request for client {ClientId} failed ({Outcome}); retry {Attempt} in {Delay}.", EventName = "TokenRequestRetrying")]
    public static partial void TokenRequestRetrying(this ILogger logger, string clientId, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Warning, "Scalekit token endpoint {TokenEndpoint} could not be reached for client {ClientId}: {Reason}.", EventName = "TokenEndpointUnreachable")]
    public static partial void TokenEndpointUnreachable(this ILogger logger, Uri tokenEndpoint, string clientId, string reason);

    [LoggerMessage(104, LogLevel.Debug, "Scalekit token for client {ClientId} taken from the shared cache; it is replaced from {RefreshAt:O}.", EventName = "TokenFromSharedCache")]
    public static partial void TokenFromSharedCache(this ILogger logger, string clientId, DateTimeOffset refreshAt);

    [LoggerMessage(105, LogLevel.Warning, "The shared Scalekit token cache failed to {Operation} ({ErrorType}: {Error}); using the token endpoint and the local cache.", EventName = "SharedCacheFailed")]
    public static partial void SharedCacheFailed(this ILogger logger, string operation, string errorType, string error);

    [LoggerMessage(106, LogLevel.Information, "{Origin} refused the Scalekit token of client {ClientId} with 401 {Reason} ({ErrorDescription}); requesting a new token and retrying once.", EventName = "TokenRejectedByApi")]
    public static partial void TokenRejectedByApi(this ILogger logger, string origin, string clientId, string reason, string? errorDescription);

    [LoggerMessage(107, LogLevel.Warning, "Refusing to send the Scalekit token of client {ClientId} to {Origin}: allowed are {Allowed}.", EventName = "HostNotAllowed")]
    public static partial void HostNotAllowed(this ILogger logger, string clientId, string origin, string allowed);

    [LoggerMessage(108, LogLevel.Warning, "{Origin} refused a new Scalekit token of client {ClientId} too, with 401 {Reason} ({ErrorDescription}): returning the 401, and no new token is requested for {Pause}. Does the client's audience match the API?", EventName = "NewTokenRejectedByApi")]
    public static partial void NewTokenRejectedByApi(this ILogger logger, string origin, string clientId, string reason, string? errorDescription, TimeSpan pause);

    [LoggerMessage(109, LogLevel.Debug, "{Origin} refused the Scalekit token of client {ClientId} with 401 {Reason} ({ErrorDescription}); new tokens were refused too, so none is requested for another {Remaining}.", EventName = "TokenRefreshPaused")]
    public static partial void TokenRefreshPaused(this ILogger logger, string origin, string clientId, string reason, string? errorDescription, TimeSpan remaining);

    [LoggerMessage(200, LogLevel.Information, "Scalekit API client {ClientId} created in organization {OrganizationId}; its first secret ends in {SecretSuffix}.", EventName = "ApiClientCreated")]
    public static partial void ApiClientCreated(this ILogger logger, string clientId, string organizationId, string? secretSuffix);

    [LoggerMessage(201, LogLevel.Information, "Scalekit API client {ClientId} of organization {OrganizationId} deleted.", EventName = "ApiClientDeleted")]
    public static partial void ApiClientDeleted(this ILogger logger, string clientId, string organizationId);

    [LoggerMessage(202, LogLevel.Information, "Secret {SecretId} (ending in {SecretSuffix}) added to Scalekit API client {ClientId}.", EventName = "ClientSecretAdded")]
    public static partial void ClientSecretAdded(this ILogger logger, string secretId, string? secretSuffix, string clientId);

    [LoggerMessage(203, LogLevel.Information, "Secret {SecretId} of Scalekit API client {ClientId} revoked.", EventName = "ClientSecretRevoked")]
    public static partial void ClientSecretRevoked(this ILogger logger, string secretId, string clientId);

    [LoggerMessage(204, LogLevel.Information, "Scalekit organization {OrganizationId} deleted, with its API clients and API keys.", EventName = "OrganizationDeleted")]
    public static partial void OrganizationDeleted(this ILogger logger, string organizationId);

    [LoggerMessage(205, LogLevel.Information, "Scalekit API key {ApiKeyId} created in organization {OrganizationId} (user {UserId}); it ends in {KeySuffix}.", EventName = "ApiKeyCreated")]
    public static partial void ApiKeyCreated(this ILogger logger, string apiKeyId, string organizationId, string? userId, string? keySuffix);

    [LoggerMessage(206, LogLevel.Information, "Scalekit API key {ApiKey} invalidated.", EventName = "ApiKeyInvalidated")]
    public static partial void ApiKeyInvalidated(this ILogger logger, string apiKey);

    [LoggerMessage(207, LogLevel.Debug, "Scalekit refused an API key: {StatusCode} {Detail}", EventName = "ApiKeyRefused")]
    public static partial void ApiKeyRefused(this ILogger logger, int statusCode, string? detail);
}
