using Microsoft.Extensions.Logging;
using Scalekit.Client;
using Scalekit.Client.Management;

namespace Scalekit.AspNetCore;

/// <summary>
/// Asks Scalekit about one API key (<c>POST /api/v1/tokens:validate</c>) through <see cref="ScalekitManagementClient"/>
/// on the <see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/> HttpClient, which carries the environment
/// client's token. Scalekit's "no" is <see cref="ApiKeyOutcome.Refused"/>; anything that keeps it from answering is
/// <see cref="ApiKeyOutcome.Unavailable"/>, with the cause for the log.
/// </summary>
internal sealed class ApiKeyValidator(
    IHttpClientFactory httpClientFactory,
    Uri? environment,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    TimeSpan timeout)
{
    private readonly ILogger<ScalekitManagementClient> _managementLogger = loggerFactory.CreateLogger<ScalekitManagementClient>();

    /// <summary>Validates <paramref name="apiKey"/>; never throws for what Scalekit or the network does.</summary>
    public async Task<(ApiKeyOutcome Outcome, ScalekitApiKey? Key, string? Cause)> ValidateAsync(string apiKey)
    {
        var activity = ScalekitActivities.StartApiKeyValidation(environment);
        var (outcome, key, cause, errorType) = await CallAsync(apiKey).ConfigureAwait(false);
        ScalekitActivities.EndApiKeyValidation(activity, outcome switch
        {
            ApiKeyOutcome.Accepted => TokenFailure.SuccessTag,
            ApiKeyOutcome.Refused => TokenFailure.Tag(TokenFailureReason.ApiKeyRefused),
            _ => TokenFailure.Tag(TokenFailureReason.ApiKeysUnavailable),
        }, errorType);
        return (outcome, key, cause);
    }

    /// <summary>The call; <c>ErrorType</c> is the span's <c>error.type</c> when Scalekit could not be asked.</summary>
    private async Task<(ApiKeyOutcome Outcome, ScalekitApiKey? Key, string? Cause, string? ErrorType)> CallAsync(string apiKey)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        try
        {
            var http = httpClientFactory.CreateClient(ScalekitApiAuthDefaults.ApiKeysHttpClientName);
            http.BaseAddress ??= environment;
            var management = new ScalekitManagementClient(http, _managementLogger);
            var key = await management.ValidateApiKeyAsync(apiKey, deadline.Token).ConfigureAwait(false);
            return key is null ? (ApiKeyOutcome.Refused, null, "Scalekit refused it", null) : (ApiKeyOutcome.Accepted, key, null, null);
        }
        catch (ScalekitTokenException e)
        {
            return (ApiKeyOutcome.Unavailable, null, $"the environment client could not get a token: {e.Error ?? (e.StatusCode is { } status ? status.ToString() : "unreachable")}", "token_unavailable");
        }
        catch (ScalekitManagementException e)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit answered {(int?)e.StatusCode} {e.StatusCode}", e.StatusCode is { } code ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : "invalid_response");
        }
        catch (HttpRequestException e)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit is unreachable ({e.HttpRequestError})", e.GetType().FullName);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit did not answer within {timeout}", "timeout");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit's answer could not be read ({e.GetType().Name})", "invalid_response");
        }
    }
}
