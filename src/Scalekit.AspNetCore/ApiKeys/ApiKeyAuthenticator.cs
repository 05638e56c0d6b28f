using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalekit.Client;
using Scalekit.Client.Management;

namespace Scalekit.AspNetCore;

/// <summary>
/// Authenticates a request that carries an API key, for one scheme: refuses a value that cannot be a key without a
/// call, answers from the <see cref="ApiKeyCache"/>, else makes one validation per key however many requests carry it
/// at once (the others wait for it), first in the <see cref="ApiKeySharedCache"/> when there is one, then at Scalekit
/// within the <see cref="ValidationRateLimit"/> (one for the <see cref="RecentlyAcceptedKeys"/>, one for all others).
/// Scalekit's answer is kept; when it cannot answer, or the rate holds the key back, the key gets 503.
/// </summary>
internal sealed class ApiKeyAuthenticator : IDisposable
{
    /// <summary>The <c>Retry-After</c> of a 503 for a key Scalekit could not be asked about.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private readonly ScalekitApiKeyOptions _options;
    private readonly ApiKeyValidator _validator;
    private readonly ApiKeySharedCache? _shared;
    private readonly ValidationRateLimit _rate;
    private readonly ValidationRateLimit _acceptedRate;
    private readonly RecentlyAcceptedKeys _accepted;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ScalekitMetrics? _metrics;
    private readonly ConcurrentDictionary<string, Task<ApiKeyCache.Entry>> _inFlight = new(StringComparer.Ordinal);
    private long _throttleWarnedAt = long.MinValue;
    private int _joined;

    public ApiKeyAuthenticator(ScalekitApiKeyOptions options, ApiKeyValidator validator, ApiKeySharedCache? shared, TimeProvider time, ILogger logger, ScalekitMetrics? metrics = null)
    {
        _metrics = metrics;
        _options = options;
        _validator = validator;
        _shared = shared;
        _time = time;
        _logger = logger;
        _rate = new ValidationRateLimit(options.ValidationsPerSecond, options.ValidationBurst, time);
        _acceptedRate = new ValidationRateLimit(options.ValidationsPerSecond, options.ValidationBurst, time);
        _accepted = new RecentlyAcceptedKeys(options.MaxEntries, options.CacheDuration, time);
        Cache = new ApiKeyCache(options.MaxEntries, time);
    }

    /// <summary>The scheme's API key cache (tests).</summary>
    public ApiKeyCache Cache { get; }

    /// <summary>How many requests joined a validation under way instead of starting one (tests).</summary>
    public int Joined => Volatile.Read(ref _joined);

    /// <summary>The authenticator of a scheme whose options turn API keys on.</summary>
    public static ApiKeyAuthenticator Create(ScalekitApiKeyOptions options, IServiceProvider services, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("Scalekit.AspNetCore.ApiKeys");
        var credentials = services.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(ScalekitApiAuthDefaults.ApiKeysHttpClientName);
        var environment = ApiKeyServices.EnvironmentBase(credentials);
        var validator = new ApiKeyValidator(services.GetRequiredService<IHttpClientFactory>(), environment, loggerFactory, time, options.ValidationTimeout);
        var shared = options.UseSharedCache && services.GetService<HybridCache>() is { } hybrid
            ? new ApiKeySharedCache(hybrid, environment?.AbsoluteUri ?? "", options, time, logger)
            : null;
        return new ApiKeyAuthenticator(options, validator, shared, time, logger, services.GetService<ScalekitMetrics>());
    }

    /// <summary>The result for the bearer value <paramref name="key"/> (one <see cref="ApiKeyShape.IsApiKey"/> took for a key).</summary>
    public Task<AuthenticateResult> AuthenticateAsync(ReadOnlySpan<char> key, string scheme, CancellationToken requestAborted)
    {
        if (ApiKeyShape.Problem(key) is { } problem)
        {
            return Task.FromResult(Refuse(TokenFailureReason.ApiKeyMalformed, problem));
        }

        var hash = HashName(key);
        if (Cache.Find(hash) is { } entry)
        {
            return Task.FromResult(Answer(entry, scheme, "cache"));
        }

        return AwaitValidationAsync(key.ToString(), hash, scheme, requestAborted);
    }

    public void Dispose()
    {
        Cache.Dispose();
        _accepted.Dispose();
    }

    /// <summary>The cache key of an API key: the base64 SHA-256 of its UTF-8 bytes.</summary>
    internal static string HashName(ReadOnlySpan<char> key)
    {
        var hash = TokenHash.Of(key);
        return Convert.ToBase64String(hash);
    }

    /// <summary>Joins the validation of this key that is under way, or starts it.</summary>
    private async Task<AuthenticateResult> AwaitValidationAsync(string key, string hash, string scheme, CancellationToken requestAborted)
    {
        var mine = new TaskCompletionSource<ApiKeyCache.Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
        var validation = _inFlight.GetOrAdd(hash, mine.Task);
        var source = "joined";
        if (validation == mine.Task)
        {
            source = "validated";
            _ = ValidateAsync(key, hash, mine);
        }
        else
        {
            Interlocked.Increment(ref _joined);
        }

        var entry = await validation.WaitAsync(requestAborted).ConfigureAwait(false);
        return Answer(entry, scheme, source);
    }

    /// <summary>The one validation of a key: completes <paramref name="completion"/> whatever happens, then leaves the in-flight table.</summary>
    private async Task ValidateAsync(string key, string hash, TaskCompletionSource<ApiKeyCache.Entry> completion)
    {
        try
        {
            // Another request's validation may have ended between this request's cache lookup and now.
            completion.TrySetResult(Cache.Find(hash) ?? await ResolveAsync(key, hash).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            completion.TrySetResult(new ApiKeyCache.Entry(new ApiKeyValidation(ApiKeyOutcome.Unavailable, default) { Detail = $"validation failed ({e.GetType().Name})" }, []));
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task<ApiKeyCache.Entry>>(hash, completion.Task));
        }
    }

    private async Task<ApiKeyCache.Entry> ResolveAsync(string key, string hash)
    {
        if (_shared is not null && await _shared.TryGetAsync(hash).ConfigureAwait(false) is { } shared)
        {
            _logger.ApiKeyFromSharedCache(shared.Outcome.ToString(), shared.ValidUntil);
            Remember(hash, shared.Outcome);
            return Cache.Add(hash, shared);
        }

        // A key accepted recently draws on a budget of its own: made-up keys cannot starve its revalidation.
        var known = _accepted.Contains(hash);
        if (!(known ? _acceptedRate : _rate).TryAcquire(out var wait))
        {
            WarnThrottled();
            return new ApiKeyCache.Entry(new ApiKeyValidation(ApiKeyOutcome.Throttled, _time.GetUtcNow() + wait)
            {
                Detail = $"more {(known ? "recently accepted " : "")}keys found in no cache than {_options.ValidationsPerSecond}/s (burst {_options.ValidationBurst}); not asking Scalekit",
            }, []);
        }

        var (outcome, details, cause) = await _validator.ValidateAsync(key).ConfigureAwait(false);
        var validation = Decide(key, outcome, details, cause);
        _logger.ApiKeyValidated(validation.Outcome.ToString(), validation.Key?.Id);
        if (validation.Outcome == ApiKeyOutcome.Unavailable)
        {
            _logger.ApiKeyValidationUnavailable(cause ?? "unknown", (int)RetryAfter.TotalSeconds, _options.CacheDuration);
            return new ApiKeyCache.Entry(validation, []);
        }

        Remember(hash, validation.Outcome);

        var entry = Cache.Add(hash, validation);
        if (_shared is not null)
        {
            await _shared.SetAsync(hash, validation).ConfigureAwait(false);
        }

        return entry;
    }

    /// <summary>Remembers an accepted key for its revalidation budget; forgets a refused one.</summary>
    private void Remember(string hash, ApiKeyOutcome outcome)
    {
        if (outcome == ApiKeyOutcome.Accepted)
        {
            _accepted.Add(hash);
        }
        else
        {
            _accepted.Remove(hash);
        }
    }

    /// <summary>
    /// Scalekit's answer about <paramref name="presented"/> as it is kept: an acceptance until the cache duration or the
    /// key's expiry, whichever comes first. An acceptance that does not fit the presented value is refused (defence in
    /// depth): the key id is not the key, and the key ends with the suffix Scalekit lists for it.
    /// </summary>
    private ApiKeyValidation Decide(string presented, ApiKeyOutcome outcome, ScalekitApiKey? key, string? cause)
    {
        var now = _time.GetUtcNow();
        var refused = new ApiKeyValidation(ApiKeyOutcome.Refused, now + _options.RefusalCacheDuration) { Detail = cause, ValidatedAt = now };
        if (outcome != ApiKeyOutcome.Accepted || key is null)
        {
            return outcome == ApiKeyOutcome.Refused ? refused : new ApiKeyValidation(ApiKeyOutcome.Unavailable, default) { Detail = cause };
        }

        if (string.Equals(key.Id, presented, StringComparison.OrdinalIgnoreCase))
        {
            return refused with { Detail = "Scalekit's answer names the presented value as the key's id" };
        }

        if (!string.IsNullOrEmpty(key.KeySuffix) && !presented.EndsWith(key.KeySuffix, StringComparison.Ordinal))
        {
            return refused with { Detail = "the key does not end with the suffix Scalekit lists for it" };
        }

        if (key.Expiry is { } expiry && expiry <= now)
        {
            return refused with { Detail = "it expired" };
        }

        var until = now + _options.CacheDuration;
        if (key.Expiry is { } expires && expires < until)
        {
            until = expires;
        }

        return new ApiKeyValidation(ApiKeyOutcome.Accepted, until, new ApiKeyDetails(
            key.Id, key.OrganizationId, key.OrganizationExternalId, key.UserId, key.UserExternalId, key.Email,
            [.. key.Roles], new Dictionary<string, string>(key.CustomClaims, StringComparer.Ordinal), key.Expiry)) { ValidatedAt = now };
    }

    private AuthenticateResult Answer(ApiKeyCache.Entry entry, string scheme, string source)
    {
        var validation = entry.Validation;
        switch (validation.Outcome)
        {
            case ApiKeyOutcome.Accepted when validation.Key is { } key:
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.ApiKeyAccepted(key.Id, key.OrganizationId, key.UserId, source);
                }

                _metrics?.ApiKeyDecided(TokenFailure.SuccessTag, cached: source == "cache");
                return AuthenticateResult.Success(ApiKeyIdentity.CreateTicket(entry.Claims, scheme));
            case ApiKeyOutcome.Throttled:
                var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((validation.ValidUntil - _time.GetUtcNow()).TotalSeconds)));
                _logger.ApiKeyRateLimited(validation.Detail ?? "throttled", (int)retryAfter.TotalSeconds);
                _metrics?.ApiKeyDecided(TokenFailure.Tag(TokenFailureReason.ApiKeyThrottled));
                return AuthenticateResult.Fail(new ScalekitApiKeysUnavailableException(retryAfter, rateLimited: true));
            case ApiKeyOutcome.Unavailable:
                _metrics?.ApiKeyDecided(TokenFailure.Tag(TokenFailureReason.ApiKeysUnavailable));
                return AuthenticateResult.Fail(new ScalekitApiKeysUnavailableException(RetryAfter));
            default:
                return Refuse(TokenFailureReason.ApiKeyRefused, (validation.Detail ?? "Scalekit refused it") + (source == "cache" ? ", as cached" : ""));
        }
    }

    private AuthenticateResult Refuse(TokenFailureReason reason, string detail)
    {
        _logger.ApiKeyRejected(TokenFailure.Tag(reason), detail);
        _metrics?.ApiKeyDecided(TokenFailure.Tag(reason));
        return AuthenticateResult.Fail(new ScalekitInvalidTokenException(reason, detail));
    }

    /// <summary>A warning when validations are refused for the rate, at most once per 10 seconds (each refusal is also logged by <see cref="Refuse"/>).</summary>
    private void WarnThrottled()
    {
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _throttleWarnedAt);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(10))
            && Interlocked.CompareExchange(ref _throttleWarnedAt, now, last) == last)
        {
            _logger.ApiKeyValidationsThrottled(_options.ValidationsPerSecond, _options.ValidationBurst);
        }
    }
}
