using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;

namespace Scalekit.AspNetCore;

/// <summary>
/// The API key cache: Scalekit's answers about keys, by the SHA-256 of the key (never the key), in a bounded
/// <see cref="MemoryCache"/> of <see cref="ScalekitApiKeyOptions.MaxEntries"/> entries on the library's
/// <see cref="TimeProvider"/>. An acceptance stands for <see cref="ScalekitApiKeyOptions.CacheDuration"/>, never past
/// the key's expiry; a refusal for <see cref="ScalekitApiKeyOptions.RefusalCacheDuration"/>. A full cache takes no new
/// entry while it evicts expired and least recently used ones.
/// </summary>
internal sealed class ApiKeyCache : IDisposable
{
    private readonly MemoryCache _entries;
    private readonly TimeProvider _time;

    public ApiKeyCache(int maxEntries, TimeProvider time)
    {
        _time = time;
        _entries = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = maxEntries,
            CompactionPercentage = 0.1,
            Clock = new Clock(time),
        });
    }

    /// <summary>How many answers are kept (tests).</summary>
    public int Count => _entries.Count;

    /// <summary>The answer kept for the key of <paramref name="hash"/> that still stands now, or <see langword="null"/>.</summary>
    public Entry? Find(string hash) =>
        _entries.TryGetValue(hash, out var value) && value is Entry entry && entry.Validation.StandsAt(_time.GetUtcNow()) ? entry : null;

    /// <summary>Keeps <paramref name="validation"/> (an acceptance or a refusal) until it stops standing.</summary>
    public Entry Add(string hash, ApiKeyValidation validation)
    {
        var entry = new Entry(validation, validation.Key is { } key ? ApiKeyIdentity.ClaimsOf(key) : []);
        if (validation.StandsAt(_time.GetUtcNow()))
        {
            _entries.Set(hash, entry, new MemoryCacheEntryOptions { AbsoluteExpiration = validation.ValidUntil, Size = 1 });
        }

        return entry;
    }

    /// <summary>Drops every entry (tests).</summary>
    public void Clear() => _entries.Clear();

    public void Dispose() => _entries.Dispose();

    /// <summary>An answer with, for an accepted key, the claims its identities are built from.</summary>
    internal sealed record Entry(ApiKeyValidation Validation, IReadOnlyList<Claim> Claims);

    /// <summary>The <see cref="MemoryCache"/> clock on the library's <see cref="TimeProvider"/>.</summary>
    internal sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
