using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace Scalekit.AspNetCore;

/// <summary>
/// The optional second tier: validation results shared between instances through the application's
/// <see cref="HybridCache"/> (Redis as its distributed cache, typically), so that a fleet asks Scalekit once per key per
/// cache period. Only its distributed tier is used (the in-process tier is <see cref="ApiKeyCache"/>, on the library's
/// clock); entries are JSON bytes under <c>scalekit:api-key:v1:&lt;environment&gt;:&lt;SHA-256&gt;</c>, and what is read back
/// is checked against the local clock and bounded by this instance's options: an acceptance stands no longer than
/// <see cref="ScalekitApiKeyOptions.CacheDuration"/> (from when Scalekit gave it, and from now) nor past the key's
/// expiry, a refusal no longer than <see cref="ScalekitApiKeyOptions.RefusalCacheDuration"/>, whatever the writer
/// kept them for. A failing cache is logged and skipped, a time-out that surfaces as a cancellation too (no request's
/// token reaches it).
/// </summary>
internal sealed class ApiKeySharedCache(HybridCache cache, string environment, ScalekitApiKeyOptions options, TimeProvider time, ILogger logger)
{
    private const HybridCacheEntryFlags DistributedOnly = HybridCacheEntryFlags.DisableLocalCache | HybridCacheEntryFlags.DisableCompression;

    private static readonly HybridCacheEntryOptions ReadOnly = new() { Flags = DistributedOnly | HybridCacheEntryFlags.DisableUnderlyingData };

    /// <summary>The prefix of every entry's key.</summary>
    public const string KeyPrefix = "scalekit:api-key:v1:";

    private readonly string _prefix = KeyPrefix + environment.TrimEnd('/') + ":";

    /// <summary>The answer another instance stored for the key of <paramref name="hash"/>, when it still stands; else <see langword="null"/>.</summary>
    public async Task<ApiKeyValidation?> TryGetAsync(string hash)
    {
        try
        {
            var bytes = await cache.GetOrCreateAsync<byte[]?>(_prefix + hash, static _ => ValueTask.FromResult<byte[]?>(null), ReadOnly).ConfigureAwait(false);
            if (bytes is not { Length: > 0 })
            {
                return null;
            }

            var found = JsonSerializer.Deserialize(bytes, ApiKeyJsonContext.Default.ApiKeyValidation);
            return found is not null && (found.Outcome != ApiKeyOutcome.Accepted || found.Key is not null) && Bounded(found) is { } bounded && bounded.StandsAt(time.GetUtcNow())
                ? bounded
                : null;
        }
        catch (Exception ex)
        {
            // OperationCanceledException too: no request's token is passed, so a cancellation is the cache's own time-out.
            logger.ApiKeySharedCacheFailed("read", ex.GetType().Name, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// <paramref name="found"/> standing no longer than this instance would keep it: another instance may have written
    /// it with a longer cache duration. <see langword="null"/> for an outcome that is never shared.
    /// </summary>
    private ApiKeyValidation? Bounded(ApiKeyValidation found)
    {
        var now = time.GetUtcNow();
        var until = found.ValidUntil;
        switch (found.Outcome)
        {
            case ApiKeyOutcome.Accepted:
                until = Earliest(until, now + options.CacheDuration, found.ValidatedAt + options.CacheDuration, found.Key?.Expiry);
                break;
            case ApiKeyOutcome.Refused:
                until = Earliest(until, now + options.RefusalCacheDuration, found.ValidatedAt + options.RefusalCacheDuration, null);
                break;
            default:
                return null;
        }

        return until == found.ValidUntil ? found : found with { ValidUntil = until };
    }

    private static DateTimeOffset Earliest(DateTimeOffset until, DateTimeOffset bound, DateTimeOffset? validatedBound, DateTimeOffset? expiry)
    {
        foreach (var other in (ReadOnlySpan<DateTimeOffset?>)[bound, validatedBound, expiry])
        {
            if (other is { } value && value < until)
            {
                until = value;
            }
        }

        return until;
    }

    /// <summary>Stores Scalekit's answer for the key of <paramref name="hash"/> until it stops standing.</summary>
    public async Task SetAsync(string hash, ApiKeyValidation validation)
    {
        var lifetime = validation.ValidUntil - time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(validation, ApiKeyJsonContext.Default.ApiKeyValidation);
            await cache.SetAsync(_prefix + hash, bytes, new HybridCacheEntryOptions { Expiration = lifetime, Flags = DistributedOnly }).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.ApiKeySharedCacheFailed("write", ex.GetType().Name, ex.Message);
        }
    }
}
