namespace Scalekit.AspNetCore;

/// <summary>
/// Timings of the signing-key (JWKS) cache. Config section <c>Scalekit:Keys</c>.
/// </summary>
public sealed class ScalekitKeyCacheOptions
{
    /// <summary>
    /// How old the cached keys may get before a request triggers a refresh in the background; the request
    /// itself is served with the cached keys. Defaults to 15 minutes.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Tokens whose <c>kid</c> is not cached trigger at most one JWKS fetch per this window, so a flood of random key
    /// ids cannot turn into a flood of fetches. A request that finds the window closed waits for the one fetch
    /// scheduled for its end (at most this long, plus the fetch), so that a key the issuer has just published is
    /// accepted on its first request even right after another unknown <c>kid</c>. Defaults to 10 seconds.
    /// </summary>
    public TimeSpan UnknownKeyCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many requests with an unknown <c>kid</c> may wait at once for the fetch at the end of
    /// <see cref="UnknownKeyCooldown"/>; further ones are refused at once (401, signing key not found).
    /// Defaults to 1000.
    /// </summary>
    public int MaxUnknownKeyWaiters { get; set; } = 1000;

    /// <summary>How long one JWKS or discovery request may take. Defaults to 10 seconds.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failed fetch; it doubles after each further failure. Defaults to 1 second.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two fetch attempts while the issuer keeps failing. Defaults to 5 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest JWKS or discovery response accepted, in bytes. Defaults to 512 KiB.</summary>
    public int MaxResponseSize { get; set; } = 512 * 1024;

    /// <summary>
    /// Whether the keys are fetched in the background as the host starts, retried with the back-off of
    /// <see cref="MinRetryDelay"/> and <see cref="MaxRetryDelay"/> until they are cached, so that the first request
    /// does not wait for them. When <see langword="false"/>, the first request fetches them. Defaults to
    /// <see langword="true"/>.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// How long the host's start may wait for the warm-up to cache the keys before it goes on regardless (the warm-up
    /// keeps trying in the background). At most 30 seconds; ignored when <see cref="WarmUp"/> is off. Defaults to
    /// zero: the start is not delayed.
    /// </summary>
    public TimeSpan StartupWait { get; set; } = TimeSpan.Zero;
}
