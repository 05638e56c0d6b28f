using Microsoft.Extensions.Caching.Memory;

namespace Scalekit.AspNetCore;

/// <summary>
/// The hashes (never the keys) of the API keys Scalekit accepted recently, for <see cref="Remembered"/> times the
/// cache duration, bounded by <see cref="ScalekitApiKeyOptions.MaxEntries"/>. Their revalidation, when their cache
/// entry expires, is drawn from a <see cref="ValidationRateLimit"/> of their own, which made-up keys cannot spend.
/// A key Scalekit refuses is forgotten.
/// </summary>
internal sealed class RecentlyAcceptedKeys : IDisposable
{
    /// <summary>How many cache durations an accepted key is remembered for.</summary>
    internal const int Remembered = 10;

    private readonly MemoryCache _hashes;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;

    public RecentlyAcceptedKeys(int maxEntries, TimeSpan cacheDuration, TimeProvider time)
    {
        _duration = cacheDuration * Remembered;
        _time = time;
        _hashes = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = maxEntries,
            CompactionPercentage = 0.1,
            Clock = new ApiKeyCache.Clock(time),
        });
    }

    /// <summary>Whether the key of <paramref name="hash"/> was accepted recently.</summary>
    public bool Contains(string hash) => _hashes.TryGetValue(hash, out _);

    /// <summary>Remembers (again) that the key of <paramref name="hash"/> was accepted.</summary>
    public void Add(string hash) =>
        _hashes.Set(hash, true, new MemoryCacheEntryOptions { AbsoluteExpiration = _time.GetUtcNow() + _duration, Size = 1 });

    /// <summary>Forgets the key of <paramref name="hash"/> (Scalekit refused it).</summary>
    public void Remove(string hash) => _hashes.Remove(hash);

    public void Dispose() => _hashes.Dispose();
}
