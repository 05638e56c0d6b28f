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
        using var deadline = new CancellationTokenSource(timeout, time);
        try
        {
            var http = httpClientFactory.CreateClient(ScalekitApiAuthDefaults.ApiKeysHttpClientName);
            http.BaseAddress ??= environment;
            var management = new ScalekitManagementClient(http, _managementLogger);
            var key = await management.ValidateApiKeyAsync(apiKey, deadline.Token).ConfigureAwait(false);
            return key is null ? (ApiKeyOutcome.Refused, null, "Scalekit refused it") : (ApiKeyOutcome.Accepted, key, null);
        }
        catch (ScalekitTokenException e)
        {
            return (ApiKeyOutcome.Unavailable, null, $"the environment client could not get a token: {e.Error ?? (e.StatusCode is { } status ? status.ToString() : "unreachable")}");
        }
        catch (ScalekitManagementException e)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit answered {(int?)e.StatusCode} {e.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit is unreachable ({e.HttpRequestError})");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit did not answer within {timeout}");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return (ApiKeyOutcome.Unavailable, null, $"Scalekit's answer could not be read ({e.GetType().Name})");
        }
    }
}
