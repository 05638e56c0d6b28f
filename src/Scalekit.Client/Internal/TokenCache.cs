using System.Collections.Concurrent;

namespace Scalekit.Client.Internal;

/// <summary>
/// Tokens per (environment, token endpoint, client, scopes), in memory. A token is handed out until its refresh time;
/// then, or when the API refused it, exactly one request gets a new one while every concurrent caller waits for that
/// request (single-flight). The request is not tied to any one caller's cancellation: a caller that gives up stops
/// waiting, the others still get the token.
/// </summary>
internal sealed class TokenCache(TokenEndpointClient endpoint, SharedTokenCache shared, ClientTelemetry telemetry, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    /// <summary>The token currently cached for <paramref name="registration"/>, fresh or not.</summary>
    public ScalekitAccessToken? Current(TokenRegistration registration) =>
        _slots.TryGetValue(registration.CacheKey, out var slot) ? slot.Token : null;

    /// <summary>A fresh token other than <paramref name="rejectedToken"/> (the one an API just refused, if any).</summary>
    public async Task<ScalekitAccessToken> GetAsync(TokenRegistration registration, string? rejectedToken, CancellationToken cancellationToken)
    {
        var token = await JoinFlightAsync(registration, rejectedToken, cancellationToken).ConfigureAwait(false);

        // A flight that started before the API refused the token may have brought that very token back from the
        // shared cache: one more flight, which skips it.
        return rejectedToken is not null && token.Value == rejectedToken
            ? await JoinFlightAsync(registration, rejectedToken, cancellationToken).ConfigureAwait(false)
            : token;
    }

    private Task<ScalekitAccessToken> JoinFlightAsync(TokenRegistration registration, string? rejectedToken, CancellationToken cancellationToken)
    {
        var slot = _slots.GetOrAdd(registration.CacheKey, static _ => new Slot());
        lock (slot)
        {
            if (slot.Token is { } cached && cached.Value != rejectedToken && time.GetUtcNow() < cached.RefreshAt)
            {
                telemetry.CacheLookup(hit: true);
                return Task.FromResult(cached);
            }

            telemetry.CacheLookup(hit: false);
            if (slot.Flight is null && slot.Token is { } replaced)
            {
                telemetry.Refreshed(rejected: replaced.Value == rejectedToken);
            }

            slot.Flight ??= FlyAsync(slot, registration, rejectedToken);
            return slot.Flight.WaitAsync(cancellationToken);
        }
    }

    private async Task<ScalekitAccessToken> FlyAsync(Slot slot, TokenRegistration registration, string? rejectedToken)
    {
        // Leave the caller's lock before doing anything that waits.
        await Task.Yield();
        try
        {
            var token = await shared.TryGetAsync(registration, rejectedToken, CancellationToken.None).ConfigureAwait(false);
            if (token is null)
            {
                token = await endpoint.RequestAsync(registration, CancellationToken.None).ConfigureAwait(false);
                await shared.SetAsync(registration, token, CancellationToken.None).ConfigureAwait(false);
            }

            lock (slot)
            {
                slot.Token = token;
                slot.Flight = null;
            }

            return token;
        }
        catch
        {
            lock (slot)
            {
                slot.Flight = null;
            }

            throw;
        }
    }

    private sealed class Slot
    {
        public ScalekitAccessToken? Token { get; set; }

        public Task<ScalekitAccessToken>? Flight { get; set; }
    }
}
