namespace Scalekit.AspNetCore;

/// <summary>
/// A token bucket on the library's <see cref="TimeProvider"/>: at most <c>burst</c> validation calls at once, refilled
/// at <c>perSecond</c>. It bounds the calls to Scalekit that keys found in no cache cause, so that a flood of made-up
/// keys does not become a flood of calls.
/// </summary>
internal sealed class ValidationRateLimit(double perSecond, int burst, TimeProvider time)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    /// <summary>Takes one call from the bucket; <see langword="false"/> when it is empty.</summary>
    public bool TryAcquire()
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
