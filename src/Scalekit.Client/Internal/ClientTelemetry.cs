using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scalekit.Client.Internal;

/// <summary>
/// The instruments of the <c>Scalekit.Client</c> meter and the token-request span of its activity source. Tags hold
/// outcomes, OAuth error codes and host names only: never a token, a secret or a client id.
/// </summary>
internal sealed class ClientTelemetry
{
    public static readonly ActivitySource ActivitySource = new(ScalekitClientDefaults.ActivitySourceName, typeof(ClientTelemetry).Assembly.GetName().Version?.ToString());

    private readonly Counter<long> _tokenRequests;
    private readonly Histogram<double> _tokenRequestDuration;
    private readonly Counter<long> _cacheLookups;
    private readonly Counter<long> _refreshes;
    private readonly Counter<long> _unauthorizedRetries;
    private readonly Counter<long> _sharedCacheFailures;

    public ClientTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ScalekitClientDefaults.MeterName);
        _tokenRequests = meter.CreateCounter<long>(ScalekitClientDefaults.TokenRequestsMetricName, "{request}", "Requests to the Scalekit token endpoint, by outcome and OAuth error.");
        _tokenRequestDuration = meter.CreateHistogram<double>(ScalekitClientDefaults.TokenRequestDurationMetricName, "s", "How long token requests took, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30] });
        _cacheLookups = meter.CreateCounter<long>(ScalekitClientDefaults.TokenCacheLookupsMetricName, "{lookup}", "In-memory token cache lookups: hit or miss.");
        _refreshes = meter.CreateCounter<long>(ScalekitClientDefaults.TokenRefreshesMetricName, "{refresh}", "Cached tokens replaced, by reason.");
        _unauthorizedRetries = meter.CreateCounter<long>(ScalekitClientDefaults.UnauthorizedRetriesMetricName, "{retry}", "API requests sent again with a new token after a 401.");
        _sharedCacheFailures = meter.CreateCounter<long>(ScalekitClientDefaults.SharedCacheFailuresMetricName, "{failure}", "Failed reads and writes of the shared token cache.");
    }

    public void CacheLookup(bool hit) => _cacheLookups.Add(1, new KeyValuePair<string, object?>("cache", hit ? "hit" : "miss"));

    public void Refreshed(bool rejected) => _refreshes.Add(1, new KeyValuePair<string, object?>("reason", rejected ? "rejected" : "refresh_time"));

    public void UnauthorizedRetry(string reason) => _unauthorizedRetries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void SharedCacheFailed(string operation) => _sharedCacheFailures.Add(1, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Starts the span of a token request (when someone listens): <c>server.address</c> and <c>server.port</c> of the token endpoint.</summary>
    public static Activity? StartTokenRequest(TokenRegistration registration)
    {
        var activity = ActivitySource.StartActivity(ScalekitClientDefaults.TokenRequestActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("server.address", registration.TokenEndpoint.Host);
            activity.SetTag("server.port", registration.TokenEndpoint.Port);
        }

        return activity;
    }

    /// <summary>Counts a finished token request and ends its span with status code and <c>error.type</c>.</summary>
    public void TokenRequested(Activity? activity, TokenRequestResult result, TimeSpan duration)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", result.Outcome);
        if (result.OAuthError is { } error)
        {
            _tokenRequests.Add(1, outcome, new KeyValuePair<string, object?>("oauth.error", error));
        }
        else
        {
            _tokenRequests.Add(1, outcome);
        }

        _tokenRequestDuration.Record(duration.TotalSeconds, outcome);

        if (activity is null)
        {
            return;
        }

        if (result.StatusCode is { } status)
        {
            activity.SetTag("http.response.status_code", status);
        }

        if (result.Outcome != TokenRequestResult.Success)
        {
            var errorType = result.OAuthError ?? result.ErrorType ?? (result.StatusCode is { } code && code >= 400 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : result.Outcome);
            activity.SetTag("error.type", errorType);
            activity.SetStatus(ActivityStatusCode.Error, result.Outcome);
        }
    }
}

/// <summary>What a token request came to, for <see cref="ClientTelemetry.TokenRequested"/>.</summary>
internal sealed class TokenRequestResult
{
    public const string Success = "success";

    /// <summary><c>success</c>, <c>refused</c>, <c>unreachable</c>, <c>invalid_response</c>, <c>canceled</c> or <c>failure</c> (any other exception).</summary>
    public string Outcome { get; set; } = "canceled";

    public int? StatusCode { get; set; }

    public string? OAuthError { get; set; }

    /// <summary>The exception's type for a transport failure (<c>System.Net.Http.HttpRequestException</c>).</summary>
    public string? ErrorType { get; set; }
}
