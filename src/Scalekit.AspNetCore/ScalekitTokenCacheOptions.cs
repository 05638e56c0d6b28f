namespace Scalekit.AspNetCore;

/// <summary>
/// The validated-token cache: a token that passed validation is remembered by its SHA-256 hash (never the token
/// itself), so that the same token on later requests skips parsing and signature work. Config section
/// <c>Scalekit:TokenCache</c>.
/// </summary>
/// <remarks>
/// An entry never outlives the token's <c>exp</c> nor <see cref="MaxAge"/>, and stops counting as soon as the
/// signing key that validated it is no longer in the JWKS. Failures are never cached. The cache is not used while the
/// application handles the JwtBearer <c>OnMessageReceived</c> or <c>OnTokenValidated</c> events, replaces the events
/// type or the token handler, or sets validation of its own in the token validation parameters (a validator delegate,
/// token replay detection), so that those keep running for every request.
/// </remarks>
public sealed class ScalekitTokenCacheOptions
{
    /// <summary>Whether validated tokens are cached. Defaults to <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The capacity of the cache. A token of up to 2 KiB takes one unit, a longer one a unit per started 2 KiB, so that
    /// the memory the cache can hold stays bounded whatever the tokens' size. When the cache is full, new tokens are
    /// validated without being cached while the expired and least recently used entries are evicted.
    /// Defaults to 10,000.
    /// </summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// The longest an entry is kept, even when the token is valid for longer: a bound on how long a change of the
    /// validation settings takes to apply to tokens already seen. Defaults to 5 minutes.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a token is cached the first time it is validated. Defaults to <see langword="false"/>: a token is cached
    /// the second time, so that a flood of tokens each sent once (a brute-force or replay attempt, a load test) fills
    /// no entry, evicts nothing that real clients use and leaves no garbage for the GC; a real client sends its token
    /// again and again and pays one more full validation per token.
    /// </summary>
    public bool CacheOnFirstUse { get; set; }
}
