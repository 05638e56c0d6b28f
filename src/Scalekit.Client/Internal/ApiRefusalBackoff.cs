using System.Collections.Concurrent;

namespace Scalekit.Client.Internal;

/// <summary>
/// Stops a misconfigured API (a wrong audience, say) from costing one token request per call. When the API refuses
/// with 401 <c>invalid_token</c> the new token the handler just got for the retry, no further token is requested for
/// that registration and that API (scheme, host and port) for <see cref="First"/> (5 s); each time a new token is refused again the pause doubles, up to
/// <see cref="Max"/> (5 min). During the pause a 401 <c>invalid_token</c> is handed to the caller as it is. Any answer
/// the API gives that is not such a 401 ends the pause and resets it.
/// </summary>
internal sealed class ApiRefusalBackoff(TimeProvider time)
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, State> _states = new(StringComparer.Ordinal);

    /// <summary>How long no new token may be requested for <paramref name="registration"/> after 401s of <paramref name="apiOrigin"/>, or <see langword="null"/>.</summary>
    public TimeSpan? Remaining(TokenRegistration registration, string apiOrigin)
    {
        if (_states.IsEmpty || !_states.TryGetValue(Key(registration, apiOrigin), out var state))
        {
            return null;
        }

        lock (state)
        {
            var remaining = state.Until - time.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : null;
        }
    }

    /// <summary>A new token was refused too: starts (or doubles) the pause and returns its length.</summary>
    public TimeSpan NewTokenRefused(TokenRegistration registration, string apiOrigin)
    {
        var state = _states.GetOrAdd(Key(registration, apiOrigin), static _ => new State());
        lock (state)
        {
            state.Pause = state.Pause == TimeSpan.Zero ? First : TimeSpan.FromTicks(Math.Min(state.Pause.Ticks * 2, Max.Ticks));
            state.Until = time.GetUtcNow() + state.Pause;
            return state.Pause;
        }
    }

    /// <summary>The API answered something other than a 401 a new token could fix: no pause any more.</summary>
    public void Accepted(TokenRegistration registration, Uri api)
    {
        if (!_states.IsEmpty)
        {
            _states.TryRemove(Key(registration, HostPin.OriginOf(api)), out _);
        }
    }

    /// <summary>Per registration and API: one misconfigured API neither pauses nor is reset by another the same client calls.</summary>
    private static string Key(TokenRegistration registration, string apiOrigin) => registration.CacheKey + "\n" + apiOrigin;

    private sealed class State
    {
        public TimeSpan Pause { get; set; }

        public DateTimeOffset Until { get; set; }
    }
}
