using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// The JWKS of one Scalekit scheme, cached by <c>kid</c>.
/// <list type="bullet">
/// <item>Concurrent callers share one in-flight fetch (cold start, refresh or unknown <c>kid</c>).</item>
/// <item>Keys older than <see cref="ScalekitKeyCacheOptions.RefreshInterval"/> are refreshed in the background while the cached ones keep serving.</item>
/// <item>An unknown <c>kid</c> triggers a fetch, at most one per <see cref="ScalekitKeyCacheOptions.UnknownKeyCooldown"/>: at once when
/// the window allows it, else the request waits (a bounded number of them, cancelled with the request) for the one
/// fetch scheduled for the end of the window. A key the issuer has published is so accepted on its first request,
/// whatever tokens came before it.</item>
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
    private readonly string _scheme;

    private volatile SigningKeySet? _keys;
    private KeyFetch? _refresh;
    private Task? _scheduled;
    private int _fetchesStarted;
    private int _unknownKeyWaiters;
    private Uri? _discoveredJwksUri;
    private DateTimeOffset _lastUnknownKeyFetch = DateTimeOffset.MinValue;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;
    private int _failures;
    private string? _lastError;
    private DateTimeOffset? _lastFailureAt;

    public SigningKeyCache(
        ScalekitEndpoints endpoints,
        ScalekitApiAuthOptions options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger logger,
        ScalekitMetrics metrics,
        string scheme)
    {
        _scheme = scheme;
        _endpoints = endpoints;
        _options = options.Keys;
        _requireHttps = options.RequireHttpsMetadata;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>How many requests wait for the unknown-kid fetch scheduled for the end of the cooldown.</summary>
    internal int UnknownKeyWaiters => Volatile.Read(ref _unknownKeyWaiters);

    /// <summary>The keys fetched last, or <see langword="null"/> before the first successful fetch.</summary>
    public SigningKeySet? Current => _keys;

    /// <summary>
    /// The keys of <paramref name="kid"/> bound to <paramref name="alg"/> from the cached set (no I/O): used by the token
    /// validator. See <see cref="SigningKeySet.Find"/>.
    /// </summary>
    public SecurityKey[] Find(string? kid, string? alg) => (_keys ?? EmptySet).Find(kid, alg);

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
    /// What the health check reports: the keys cached (or <see langword="null"/>), how many fetches failed in a row
    /// since they were last fetched, and the class of the last failure (never its message).
    /// </summary>
    public SigningKeyCacheStatus Status()
    {
        lock (_gate)
        {
            return new SigningKeyCacheStatus(_keys, _failures, _lastError, _lastFailureAt);
        }
    }

    /// <summary>
    /// Fetches the keys until they are cached or <paramref name="stopping"/> is cancelled, waiting out the back-off
    /// between failed attempts (a fetch a request started meanwhile is joined, not repeated). Never throws.
    /// </summary>
    public async Task WarmUpAsync(CancellationToken stopping)
    {
        while (_keys is null && !stopping.IsCancellationRequested)
        {
            if (StartRefresh(KeyFetchTrigger.WarmUp, _time.GetUtcNow()) is { } fetch)
            {
                await WaitAsync(fetch.Completion, stopping).ConfigureAwait(false);
                continue;
            }

            TimeSpan wait;
            lock (_gate)
            {
                wait = _nextAttempt - _time.GetUtcNow();
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
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
                await WaitAsync(coldFetch.Completion, cancellationToken).ConfigureAwait(false);
            }

            if (_keys is null)
            {
                return RetryAfter();
            }
        }

        // The fetches started so far may have been answered before this kid was published: only the answer of a fetch
        // started after this point settles whether the issuer publishes it.
        var seen = Volatile.Read(ref _fetchesStarted);
        while (kid is not null && !_keys.Contains(kid) && !cancellationToken.IsCancellationRequested)
        {
            var (fetch, settles, counted) = NextUnknownKeyFetch(kid, seen);
            if (fetch is null)
            {
                break;
            }

            try
            {
                await WaitAsync(fetch, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                if (counted)
                {
                    Interlocked.Decrement(ref _unknownKeyWaiters);
                }
            }

            if (settles)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// The fetch whose answer a request with the unknown <paramref name="kid"/> waits for, and whether that answer
    /// settles it (the fetch starts after the <paramref name="seen"/> fetches the request could not rely on):
    /// <list type="bullet">
    /// <item>a fetch in flight that started after them;</item>
    /// <item>else a fetch started now, when neither the unknown-kid cooldown nor the back-off forbids it;</item>
    /// <item>else, during the cooldown, the one unknown-kid fetch scheduled for its end, while fewer than
    /// <see cref="ScalekitKeyCacheOptions.MaxUnknownKeyWaiters"/> requests wait for it;</item>
    /// <item>else none (<see langword="null"/>): while fetches back off after a failure, or when too many wait, the
    /// token is refused at once.</item>
    /// </list>
    /// A fetch in flight that started before them is waited for first, and does not settle the request.
    /// </summary>
    private (Task? Fetch, bool Settles, bool Counted) NextUnknownKeyFetch(string kid, int seen)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_refresh is { } inFlight)
            {
                return (inFlight.Completion, inFlight.Number > seen, false);
            }

            if (now < _nextAttempt)
            {
                _logger.UnknownKeyThrottled(Truncate(kid), "fetches are backing off after a failure");
                return (null, false, false);
            }

            var due = _lastUnknownKeyFetch + _options.UnknownKeyCooldown;
            if (now >= due)
            {
                _lastUnknownKeyFetch = now;
                _logger.UnknownKeyRefresh(Truncate(kid));
                return (StartRefreshLocked(KeyFetchTrigger.UnknownKey, now)!.Completion, true, false);
            }

            if (_unknownKeyWaiters >= _options.MaxUnknownKeyWaiters)
            {
                _logger.UnknownKeyThrottled(Truncate(kid), $"{_options.MaxUnknownKeyWaiters} requests already wait for the next fetch");
                return (null, false, false);
            }

            _logger.UnknownKeyDeferred(Truncate(kid), due - now);
            _scheduled ??= Task.Run(() => RunScheduledFetchAsync(due));
            Interlocked.Increment(ref _unknownKeyWaiters);
            return (_scheduled, true, true);
        }
    }

    /// <summary>
    /// The unknown-kid fetch that requests arriving during the cooldown wait for: it starts when the cooldown ends,
    /// after the fetch in flight then, if any. Detached from every request. Never throws.
    /// </summary>
    private async Task RunScheduledFetchAsync(DateTimeOffset due)
    {
        var wait = due - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time).ConfigureAwait(false);
        }

        while (true)
        {
            KeyFetch? running;
            KeyFetch? started = null;
            lock (_gate)
            {
                running = _refresh;
                if (running is null && _lastUnknownKeyFetch >= due)
                {
                    // An unknown kid arriving when this window opened fetched already: its answer serves the waiters.
                    _scheduled = null;
                    return;
                }

                if (running is null)
                {
                    _scheduled = null;
                    var now = _time.GetUtcNow();
                    started = StartRefreshLocked(KeyFetchTrigger.UnknownKey, now); // null when a failure since forbids it
                    if (started is not null)
                    {
                        _lastUnknownKeyFetch = now;
                    }
                }
            }

            if (running is null)
            {
                if (started is not null)
                {
                    await started.Completion.ConfigureAwait(false);
                }

                return;
            }

            await running.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>Waits for <paramref name="fetch"/> (which never fails) until the request is cancelled, without throwing.</summary>
    private static async Task WaitAsync(Task fetch, CancellationToken cancellationToken) =>
        await fetch.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

    private KeyFetch? StartRefresh(string trigger, DateTimeOffset now)
    {
        lock (_gate)
        {
            return StartRefreshLocked(trigger, now);
        }
    }

    private KeyFetch? StartRefreshLocked(string trigger, DateTimeOffset now)
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
        var number = Interlocked.Increment(ref _fetchesStarted);
        _refresh = new KeyFetch(number, Task.Run(() => RefreshAsync(trigger)));
        return _refresh;
    }

    /// <summary>Never throws: a failure is logged, counted and turns into a back-off.</summary>
    private async Task RefreshAsync(string trigger)
    {
        Uri? jwksUri = null;
        SigningKeySet? fetched = null;
        Exception? error = null;
        var started = _time.GetTimestamp();
        try
        {
            using var timeout = new CancellationTokenSource(_options.FetchTimeout, _time);
            (jwksUri, var keys) = await FetchAsync(trigger, timeout.Token).ConfigureAwait(false);
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
                _lastError = null;
                _lastFailureAt = null;
                _nextAttempt = DateTimeOffset.MinValue;
            }
            else
            {
                _failures++;
                var factor = Math.Pow(2, Math.Min(_failures - 1, 30));
                delay = TimeSpan.FromTicks((long)Math.Min(_options.MinRetryDelay.Ticks * factor, _options.MaxRetryDelay.Ticks));
                _nextAttempt = _time.GetUtcNow() + delay;
                _lastError = ErrorClass(error);
                _lastFailureAt = _time.GetUtcNow();
            }

            _refresh = null;
        }

        _metrics.KeysFetched(trigger, success: fetched is not null, _time.GetElapsedTime(started));
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

    /// <summary>
    /// Fetches the JWKS (after the discovery document, the first time, when only that is configured) and reads it with
    /// <see cref="SigningKeyReader"/>: the keys it skips are logged in one warning, and a JWKS left with no key fails.
    /// </summary>
    private async Task<(Uri JwksUri, IReadOnlyList<BoundSigningKey> Keys)> FetchAsync(string trigger, CancellationToken cancellationToken)
    {
        var client = _httpClientFactory.CreateClient(ScalekitApiAuthDefaults.BackchannelHttpClientName);
        var jwksUri = _endpoints.JwksUri ?? _discoveredJwksUri ?? await DiscoverAsync(client, trigger, cancellationToken).ConfigureAwait(false);

        using var activity = ScalekitActivities.StartFetch(ScalekitApiAuthDefaults.JwksFetchActivityName, jwksUri, _scheme, trigger);
        try
        {
            var json = await GetStringAsync(client, jwksUri, activity, cancellationToken).ConfigureAwait(false);
            var read = SigningKeyReader.Read(json);
            if (read.Skipped.Count > 0)
            {
                _logger.SigningKeysSkipped(read.Skipped.Count, jwksUri, read.DescribeSkipped());
            }

            if (read.Keys.Count == 0)
            {
                throw new InvalidDataException("the JWKS holds no usable signing key (RSA of 2048 bits or more, or EC on P-256/384/521, with a kid, for signatures)");
            }

            activity?.SetTag(ScalekitActivities.KeyCountTag, read.Keys.Count);
            return (jwksUri, read.Keys);
        }
        catch (Exception ex)
        {
            ScalekitActivities.FetchFailed(activity, ex, ErrorClass(ex));
            throw;
        }
    }

    private async Task<Uri> DiscoverAsync(HttpClient client, string trigger, CancellationToken cancellationToken)
    {
        var address = _endpoints.DiscoveryUri!;
        using var activity = ScalekitActivities.StartFetch(ScalekitApiAuthDefaults.DiscoveryFetchActivityName, address, _scheme, trigger);
        try
        {
            var json = await GetStringAsync(client, address, activity, cancellationToken).ConfigureAwait(false);
            var document = new OpenIdConnectConfiguration(json);
            var jwksUri = ScalekitEndpoints.TryAbsolute(document.JwksUri)
                ?? throw new InvalidDataException("the discovery document has no absolute jwks_uri");

            if (jwksUri.UserInfo.Length > 0)
            {
                throw new InvalidDataException("the discovery document's jwks_uri carries user info (user:password@), which is not accepted");
            }

            if (!ScalekitEndpoints.IsAllowedMetadataAddress(jwksUri, _requireHttps))
            {
                throw new InvalidDataException($"the discovery document's jwks_uri '{jwksUri}' is plain http on a host that is not loopback");
            }

            _discoveredJwksUri = jwksUri;
            return jwksUri;
        }
        catch (Exception ex)
        {
            ScalekitActivities.FetchFailed(activity, ex, ErrorClass(ex));
            throw;
        }
    }

    /// <summary>
    /// GETs <paramref name="address"/> (the JWKS or the discovery document), at most
    /// <see cref="ScalekitKeyCacheOptions.MaxResponseSize"/> bytes of it. Redirects are not followed: the backchannel's
    /// primary handler does not follow them (see <see cref="ScalekitBackchannel"/>), a 3xx answer is a failure naming
    /// the <c>Location</c> it points to, and so is an answer from another address than <paramref name="address"/>,
    /// which an application-supplied handler that follows redirects would give. The keys come from the configured
    /// address or not at all.
    /// </summary>
    private async Task<string> GetStringAsync(HttpClient client, Uri address, Activity? activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        ScalekitActivities.FetchAnswered(activity, (int)response.StatusCode);
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? "nowhere (no Location header)";
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {address}, redirecting to {location}: redirects are not followed", null, response.StatusCode);
        }

        if (response.RequestMessage?.RequestUri is { } answeredFrom && answeredFrom != address)
        {
            throw new HttpRequestException($"the request to {address} was answered from {answeredFrom}: a backchannel handler followed a redirect, which is not accepted");
        }

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

    /// <summary>
    /// The kind of a failed fetch, safe to show on a health endpoint: <c>timeout</c>, <c>http_503</c>,
    /// <c>http_error</c> (no answer, a redirect), <c>invalid_response</c> (not a usable key set or discovery document), or the
    /// exception's type name. Never the message, which may quote what the issuer answered.
    /// </summary>
    internal static string ErrorClass(Exception? error) => error switch
    {
        OperationCanceledException => "timeout",
        HttpRequestException { StatusCode: { } status } when (int)status is < 300 or >= 400 => $"http_{(int)status}",
        HttpRequestException => "http_error",
        InvalidDataException or System.Text.Json.JsonException or ArgumentException => "invalid_response",
        null => "unknown",
        _ => error.GetType().Name,
    };

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

    /// <summary>The <c>kid</c> as it may appear in a log line: at most 64 characters, <see cref="IsUnsafeInLog"/> characters replaced by <c>?</c>.</summary>
    internal static string Truncate(string kid)
    {
        var shown = kid.Length <= 64 ? kid : kid[..64] + "…";
        return shown.Any(IsUnsafeInLog) ? string.Concat(shown.Select(c => IsUnsafeInLog(c) ? '?' : c)) : shown;
    }

    /// <summary>
    /// Characters an attacker-chosen <c>kid</c> could forge or hide log text with: control characters, format
    /// characters (bidirectional overrides such as U+202E), line and paragraph separators (U+2028, U+2029), and
    /// surrogates (a pair cut by the 64-character limit, or a lone one).
    /// </summary>
    private static bool IsUnsafeInLog(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator;

    /// <summary>One JWKS fetch: its number in the order fetches started, and its completion (which never fails).</summary>
    private sealed record KeyFetch(int Number, Task Completion);
}
