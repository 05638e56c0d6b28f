namespace Scalekit.AspNetCore;

/// <summary>
/// A token bucket on the library's <see cref="TimeProvider"/>: at most <c>burst</c> validation calls at once, refilled
/// at <c>perSecond</c>. It bounds the calls to Scalekit that keys found in no cache cause, so that a flood of made-up
/// keys does not become a flood of calls. <see cref="ApiKeyAuthenticator"/> keeps two: one for the keys it accepted
/// recently (<see cref="RecentlyAcceptedKeys"/>), one for all others, so that made-up keys cannot starve the
/// revalidation of good keys.
/// </summary>
internal sealed class ValidationRateLimit(double perSecond, int burst, TimeProvider time)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>
    /// Takes one call from the bucket; <see langword="false"/> when it is empty, with <paramref name="wait"/> the time
    /// until it has a call again (at least a second: it becomes a whole-second <c>Retry-After</c>).
    /// </summary>
    public bool TryAcquire(out TimeSpan wait)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                wait = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((1 - _tokens) / perSecond)));
                return false;
            }

            _tokens--;
            wait = TimeSpan.Zero;
            return true;
        }
    }
}
