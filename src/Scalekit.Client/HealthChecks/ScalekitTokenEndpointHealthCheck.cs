using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalekit.Client.Internal;

namespace Scalekit.Client;

/// <summary>
/// Whether the HttpClient <c>clientName</c> can get a Scalekit token: asked of the same cache its handler uses, so that a
/// probe costs a token request only when the handler would make one (no token yet, refresh time reached).
/// Healthy with a token; Degraded when a new token could not be obtained but the cached one has not expired;
/// the registration's failure status (Unhealthy by default) when no token is held. The data names the token endpoint,
/// the token's expiry and refresh time, and the OAuth error or failure class: never the token or the secret.
/// </summary>
internal sealed class ScalekitTokenEndpointHealthCheck(
    IOptionsMonitor<ScalekitClientCredentialsOptions> options,
    IOptions<ScalekitClientRegistrations> registrations,
    TokenCache cache,
    TimeProvider time,
    string clientName) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!registrations.Value.SectionByName.ContainsKey(clientName))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, ScalekitClientRegistrations.NotRegistered(clientName));
        }

        var registration = TokenRegistration.From(clientName, options.Get(clientName));
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ScalekitTokenEndpointHealthCheckData.TokenEndpoint] = registration.TokenEndpoint.GetLeftPart(UriPartial.Path),
        };

        try
        {
            var token = await cache.GetAsync(registration, rejectedToken: null, cancellationToken).ConfigureAwait(false);
            AddToken(data, token);
            return HealthCheckResult.Healthy($"A token for '{clientName}' is held until {Format(token.ExpiresAt)}.", data);
        }
        catch (HttpRequestException ex)
        {
            var error = (ex as ScalekitTokenException)?.Error
                ?? (ex.StatusCode is { } status ? $"http_{(int)status}" : "unreachable");
            data[ScalekitTokenEndpointHealthCheckData.LastError] = error;
            if (cache.Current(registration) is { } cached && time.GetUtcNow() < cached.ExpiresAt)
            {
                AddToken(data, cached);
                return HealthCheckResult.Degraded(
                    $"A new token for '{clientName}' could not be obtained ({error}); the cached one is valid until {Format(cached.ExpiresAt)}.", data: data);
            }

            return new HealthCheckResult(context.Registration.FailureStatus,
                $"No token for '{clientName}': the token endpoint {registration.TokenEndpoint.Host} answered or failed with {error}.", data: data);
        }
    }

    private static void AddToken(Dictionary<string, object> data, ScalekitAccessToken token)
    {
        data[ScalekitTokenEndpointHealthCheckData.ExpiresAt] = token.ExpiresAt;
        data[ScalekitTokenEndpointHealthCheckData.RefreshAt] = token.RefreshAt;
    }

    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
