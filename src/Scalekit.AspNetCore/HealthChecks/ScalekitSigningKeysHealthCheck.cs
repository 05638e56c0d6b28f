using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Scalekit.AspNetCore;

/// <summary>
/// The readiness of one Scalekit scheme's signing keys: <see cref="HealthStatus.Unhealthy"/> (or the registration's
/// failure status) while no key was ever fetched, <see cref="HealthStatus.Degraded"/> while the last good keys serve
/// after failed refreshes, else <see cref="HealthStatus.Healthy"/>. The data holds counts, times and an error class,
/// never a token, a secret or an issuer's answer.
/// </summary>
internal sealed class ScalekitSigningKeysHealthCheck(ScalekitCacheRegistry caches, TimeProvider time, string scheme) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = caches.Get(scheme).Keys.Status();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [ScalekitHealthCheckData.Scheme] = scheme,
            [ScalekitHealthCheckData.KeyCount] = status.Keys?.Count ?? 0,
            [ScalekitHealthCheckData.FailedFetches] = status.Failures,
        };

        if (status.Keys is { } keys)
        {
            data[ScalekitHealthCheckData.LastFetch] = keys.FetchedAt.ToString("O", CultureInfo.InvariantCulture);
            data[ScalekitHealthCheckData.KeyAgeSeconds] = Math.Max(0, (long)(time.GetUtcNow() - keys.FetchedAt).TotalSeconds);
        }

        if (status.Failures > 0 && status.LastError is { } error)
        {
            data[ScalekitHealthCheckData.LastError] = error;
            data[ScalekitHealthCheckData.LastFailure] = status.LastFailureAt!.Value.ToString("O", CultureInfo.InvariantCulture);
        }

        var result = status switch
        {
            { Keys: null } => new HealthCheckResult(
                context.Registration.FailureStatus,
                $"Scalekit scheme {scheme}: no signing key fetched yet" + (status.Failures > 0 ? $" ({status.Failures} failed attempt(s), last: {status.LastError})." : "."),
                data: data),
            { Failures: > 0 } => HealthCheckResult.Degraded(
                $"Scalekit scheme {scheme}: serving the last good signing keys after {status.Failures} failed refresh(es) (last: {status.LastError}).",
                data: data),
            _ => HealthCheckResult.Healthy($"Scalekit scheme {scheme}: {status.Keys.Count} signing key(s) cached.", data),
        };
        return Task.FromResult(result);
    }
}
