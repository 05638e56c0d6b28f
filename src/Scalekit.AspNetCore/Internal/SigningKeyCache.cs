using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// The JWKS of one Scalekit scheme, cached by <c>kid</c>.
/// <list type="bullet">
/// <item>Concurrent callers share one in-flight fetch (cold start, refresh or unknown <c>kid</c>).</item>
/// <item>Keys older than <see cref="ScalekitKeyCacheOptions.RefreshInterval"/> are refreshed in the background while the cached ones keep serving.</item>
/// <item>An unknown <c>kid</c> triggers a fetch at once, but at most once per <see cref="ScalekitKeyCacheOptions.UnknownKeyCooldown"/>.</item>
/// <item>A failed fetch keeps the last good keys and backs off exponentially; only a cold start with no keys reports them unavailable.</item>
/// </list>
/// </summary>
internal sealed class SigningKeyCache
{
    private readonly object _gate = new();
    private readonly ScalekitEndpoints _endpoints;
    private readonly ScalekitKeyCacheOptions _options;
    private readonly bool _requireHttps;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScalekitMetrics _metrics;

    private volatile SigningKeySet? _keys;
    private Task? _refresh;
    private Uri? _discoveredJwksUri;
    private DateTimeOffset _lastUnknownKeyFetch = DateTimeOffset.MinValue;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private int _failures;

    public SigningKeyCache(
        ScalekitEndpoints endpoints,
        ScalekitApiAuthOptions options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger logger,
        ScalekitMetrics metrics)
    {
        _endpoints = endpoints;
        _options = options.Keys;
        _requireHttps = options.RequireHttpsMetadata;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The keys fetched last, or <see langword="null"/> before the first successful fetch.</summary>
    public SigningKeySet? Current => _keys;

    /// <summary>The key for <paramref name="kid"/> from the cached set (no I/O): used by the token validator.</summary>
    public SecurityKey[] Find(string? kid) => (_keys ?? EmptySet).Find(kid);

    private static readonly SigningKeySet EmptySet = new([], DateTimeOffset.MinValue);

    /// <summary>
    /// Makes sure keys are cached and, when the token names a <c>kid</c> that is not, tries once to fetch it.
    /// Returns <see langword="null"/> when keys are available, or how long to wait when none could ever be fetched.
    /// Completes synchronously on the hot path (known <c>kid</c>, fresh keys).
    /// </summary>
    public ValueTask<TimeSpan?> PrepareAsync(string? kid, CancellationToken cancellationToken)
    {
        var keys = _keys;
        if (keys is not null)
        {
            RefreshIfDue(keys);
            if (kid is null || keys.Contains(kid))
            {
                return ValueTask.FromResult<TimeSpan?>(null);
            }
        }

        return PrepareSlowAsync(kid, cancellationToken);
    }

    /// <summary>
    /// Starts a refresh in the background when the cached keys are older than
    /// <see cref="ScalekitKeyCacheOptions.RefreshInterval"/>, as <see cref="PrepareAsync"/> does: a request served without
    /// it (a validated-token cache hit) still keeps the keys fresh, so that a retired key is noticed.
    /// </summary>
    public void RefreshIfDue()
    {
        if (_keys is { } keys)
        {
            RefreshIfDue(keys);
        }
    }

    private void RefreshIfDue(SigningKeySet keys)
    {
        var now = _time.GetUtcNow();
        if (now - keys.FetchedAt >= _options.RefreshInterval)
        {
            _ = StartRefresh(KeyFetchTrigger.Interval, now);
        }
    }

    private async ValueTask<TimeSpan?> PrepareSlowAsync(string? kid, CancellationToken cancellationToken)
    {
        if (_keys is null)
        {
            // Cold start: every concurrent caller waits for the same fetch.
            if (StartRefresh(KeyFetchTrigger.ColdStart, _time.GetUtcNow()) is { } coldFetch)
            {
                await coldFetch.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (_keys is null)
            {
                return RetryAfter();
            }
        }

        // A fetch joined here may have been answered before this kid was published: when the kid is still missing,
        // one more try, which starts a fetch of its own unless the unknown-kid cooldown or the back-off forbids it.
        for (var attempt = 0; attempt < 2 && kid is not null && !_keys.Contains(kid); attempt++)
        {
            if (StartUnknownKeyRefresh(kid) is not { } fetch)
            {
                break;
            }

            await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    private Task? StartUnknownKeyRefresh(string kid)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_refresh is not null)
            {
                return _refresh;
            }

            if (now - _lastUnknownKeyFetch < _options.UnknownKeyCooldown || now < _nextAttempt)
            {
                _logger.UnknownKeyThrottled(Truncate(kid), _options.UnknownKeyCooldown);
                return null;
            }

            _lastUnknownKeyFetch = now;
            _logger.UnknownKeyRefresh(Truncate(kid));
            return StartRefreshLocked(KeyFetchTrigger.UnknownKey, now);
        }
    }

    private Task? StartRefresh(string trigger, DateTimeOffset now)
    {
        lock (_gate)
        {
            return StartRefreshLocked(trigger, now);
        }
    }

    private Task? StartRefreshLocked(string trigger, DateTimeOffset now)
    {
        if (_refresh is not null)
        {
            return _refresh;
        }

        if (now < _nextAttempt)
        {
            return null;
        }

        // Run detached from the request: one caller's cancellation must not cancel the fetch the others wait for.
        _refresh = Task.Run(() => RefreshAsync(trigger));
        return _refresh;
    }

    /// <summary>Never throws: a failure is logged, counted and turns into a back-off.</summary>
    private async Task RefreshAsync(string trigger)
    {
        Uri? jwksUri = null;
        SigningKeySet? fetched = null;
        Exception? error = null;
        try
        {
            using var timeout = new CancellationTokenSource(_options.FetchTimeout, _time);
            (jwksUri, var keys) = await FetchAsync(timeout.Token).ConfigureAwait(false);
            fetched = new SigningKeySet(keys, _time.GetUtcNow(), _keys);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        // The fetch stops counting as in flight together with its result, before it is reported: a request arriving
        // after the result (or reacting to the metric or log) must not join a fetch that has already finished.
        var delay = TimeSpan.Zero;
        lock (_gate)
        {
            if (fetched is not null)
            {
                _keys = fetched;
                _failures = 0;
                _nextAttempt = DateTimeOffset.MinValue;
            }
            else
            {
                _failures++;
                var factor = Math.Pow(2, Math.Min(_failures - 1, 30));
                delay = TimeSpan.FromTicks((long)Math.Min(_options.MinRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
                _nextAttempt = _time.GetUtcNow() + delay;
            }

            _refresh = null;
        }

        _metrics.KeysFetched(trigger, success: fetched is not null);
        if (fetched is not null)
        {
            _logger.SigningKeysFetched(fetched.Count, jwksUri!, trigger);
        }
        else
        {
            var reason = error is OperationCanceledException ? $"no answer within {_options.FetchTimeout}" : error?.Message ?? "unknown error";
            _logger.SigningKeysFetchFailed(_endpoints.JwksUri ?? _endpoints.DiscoveryUri!, trigger, reason, _keys?.Count ?? 0, delay);
        }
    }

    private async Task<(Uri JwksUri, List<SecurityKey> Keys)> FetchAsync(CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(ScalekitApiAuthDefaults.BackchannelHttpClientName);
        var jwksUri = _endpoints.JwksUri ?? _discoveredJwksUri ?? await DiscoverAsync(client, cancellationToken).ConfigureAwait(false);

        var json = await GetStringAsync(client, jwksUri, cancellationToken).ConfigureAwait(false);
        var keys = new JsonWebKeySet(json).GetSigningKeys()
            .Where(k => k is AsymmetricSecurityKey && !string.IsNullOrEmpty(k.KeyId))
            .ToList();

        if (keys.Count == 0)
        {
            throw new InvalidDataException("the JWKS holds no usable signing key (RSA or EC with a kid)");
        }

        return (jwksUri, keys);
    }

    private async Task<Uri> DiscoverAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var json = await GetStringAsync(client, _endpoints.DiscoveryUri!, cancellationToken).ConfigureAwait(false);
        var document = new OpenIdConnectConfiguration(json);
        var jwksUri = ScalekitEndpoints.TryAbsolute(document.JwksUri)
            ?? throw new InvalidDataException("the discovery document has no absolute jwks_uri");

        if (!ScalekitEndpoints.IsAllowedMetadataAddress(jwksUri, _requireHttps))
        {
            throw new InvalidDataException($"the discovery document's jwks_uri '{jwksUri}' is plain http on a host that is not loopback");
        }

        _discoveredJwksUri = jwksUri;
        return jwksUri;
    }

    private async Task<string> GetStringAsync(HttpClient client, Uri address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {address}", null, response.StatusCode);
        }

        var limit = _options.MaxResponseSize;
        if (response.Content.Headers.ContentLength > limit)
        {
            throw new InvalidDataException($"the response is larger than {limit} bytes");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new InvalidDataException($"the response is larger than {limit} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private TimeSpan RetryAfter()
    {
        DateTimeOffset next;
        lock (_gate)
        {
            next = _nextAttempt;
        }

        var wait = next - _time.GetUtcNow();
        return wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait;
    }

    /// <summary>The <c>kid</c> as it may appear in a log line: at most 64 characters, control characters replaced.</summary>
    private static string Truncate(string kid)
    {
        var shown = kid.Length <= 64 ? kid : kid[..64] + "…";
        return shown.Any(char.IsControl) ? string.Concat(shown.Select(c => char.IsControl(c) ? '?' : c)) : shown;
    }
}
