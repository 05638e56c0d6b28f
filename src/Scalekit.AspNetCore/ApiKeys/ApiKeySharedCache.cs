using System.Text.Json;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace Scalekit.AspNetCore;

/// <summary>
/// The optional second tier: validation results shared between instances through the application's
/// <see cref="HybridCache"/> (Redis as its distributed cache, typically), so that a fleet asks Scalekit once per key per
/// cache period. Only its distributed tier is used (the in-process tier is <see cref="ApiKeyCache"/>, on the library's
/// clock); entries are JSON bytes under <c>scalekit:api-key:v1:&lt;environment&gt;:&lt;SHA-256&gt;</c>, and what is read back
/// is checked against the local clock. A failing cache is logged and skipped.
/// </summary>
internal sealed class ApiKeySharedCache(HybridCache cache, string environment, TimeProvider time, ILogger logger)
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
            return found is not null && found.StandsAt(time.GetUtcNow()) && (found.Outcome != ApiKeyOutcome.Accepted || found.Key is not null) ? found : null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ApiKeySharedCacheFailed("read", ex.GetType().Name, ex.Message);
            return null;
        }
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
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.ApiKeySharedCacheFailed("write", ex.GetType().Name, ex.Message);
        }
    }
}
