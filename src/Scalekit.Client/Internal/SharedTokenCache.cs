using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scalekit.Client.Internal;

/// <summary>
/// The optional second tier: tokens shared between instances through the application's <see cref="HybridCache"/>
/// (Redis as its distributed cache, typically). Only its distributed tier is used: the in-process tier is
/// <see cref="TokenCache"/>, which runs on the injected clock. An entry lives until the token's refresh time, never past
/// its expiry, and what is read back is checked against the local clock too. A failing cache is logged and skipped.
/// </summary>
internal sealed class SharedTokenCache(IServiceProvider services, TimeProvider time, ClientTelemetry telemetry, ILogger<SharedTokenCache> logger)
{
    private const HybridCacheEntryFlags DistributedOnly = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableCompression;

    private static readonly HybridCacheEntryOptions ReadOnly = new() { Flags = DistributedOnly | HybridCacheEntryFlags.DisableUnderlyingData };

    /// <summary>A fresh token of another instance, unless it is <paramref name="rejectedToken"/>; else <see langword="null"/>.</summary>
    public async Task<ScalekitAccessToken?> TryGetAsync(TokenRegistration registration, string? rejectedToken, CancellationToken cancellationToken)
    {
        if (!registration.UseSharedTokenCache)
        {
            return null;
        }

        try
        {
            var token = await Cache.GetOrCreateAsync<ScalekitAccessToken?>(
                registration.SharedCacheKey, static _ => ValueTask.FromResult<ScalekitAccessToken?>(null), ReadOnly, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (token is null || token.Value == rejectedToken || time.GetUtcNow() >= token.RefreshAt)
            {
                return null;
            }

            logger.TokenFromSharedCache(registration.ClientId, token.RefreshAt);
            return token;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.SharedCacheFailed("read", ex.GetType().Name, ex.Message);
            telemetry.SharedCacheFailed("read");
            return null;
        }
    }

    public async Task SetAsync(TokenRegistration registration, ScalekitAccessToken token, CancellationToken cancellationToken)
    {
        var lifetime = token.RefreshAt - time.GetUtcNow();
        if (!registration.UseSharedTokenCache || lifetime <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Cache.SetAsync(registration.SharedCacheKey, token, new HybridCacheEntryOptions { Expiration = lifetime, Flags = DistributedOnly }, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.SharedCacheFailed("write", ex.GetType().Name, ex.Message);
            telemetry.SharedCacheFailed("write");
        }
    }

    private HybridCache Cache => services.GetRequiredService<HybridCache>();
}
