using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Scalekit.AspNetCore;

/// <summary>
/// The instruments of the <c>Scalekit.AspNetCore</c> meter: token validations by outcome (and, for successes, whether
/// the validated-token cache answered), JWKS fetches by trigger and outcome, and the durations of full validations and
/// of JWKS fetches.
/// </summary>
internal sealed class ScalekitMetrics
{
    /// <summary>Buckets from 10 µs (a cached signing key, a refused header) to 10 s (a JWKS fetch that times out).</summary>
    private static readonly IReadOnlyList<double> DurationBuckets =
        [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _validations;
    private readonly Counter<long> _keyFetches;
    private readonly Histogram<double> _validationDuration;
    private readonly Histogram<double> _keyFetchDuration;

    public ScalekitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ScalekitApiAuthDefaults.MeterName);
        _validations = meter.CreateCounter<long>(ScalekitApiAuthDefaults.TokenValidationsMetricName, "{token}", "Scalekit access tokens validated, by outcome.");
        _keyFetches = meter.CreateCounter<long>(ScalekitApiAuthDefaults.JwksFetchesMetricName, "{fetch}", "JWKS fetches, by trigger and outcome.");
        _validationDuration = meter.CreateHistogram<double>(ScalekitApiAuthDefaults.TokenValidationDurationMetricName, "s",
            "How long full token validations took (validated-token cache hits excluded), by outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _keyFetchDuration = meter.CreateHistogram<double>(ScalekitApiAuthDefaults.JwksFetchDurationMetricName, "s",
            "How long JWKS fetches took, by trigger and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
    }

    public void TokenValidated(string outcome) =>
        _validations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A success, tagged <c>cache</c> = <c>hit</c> when the validated-token cache answered, else <c>miss</c>.</summary>
    public void TokenAccepted(bool cached) =>
        _validations.Add(1,
            new KeyValuePair<string, object?>("outcome", TokenFailure.SuccessTag),
            new KeyValuePair<string, object?>("cache", cached ? "hit" : "miss"));

    /// <summary>
    /// How long a full validation took; <paramref name="outcome"/> is that of <see cref="ScalekitApiAuthDefaults.TokenValidationsMetricName"/>,
    /// or <c>none</c> when no outcome was reached (the application's JwtBearer events answered, or an exception).
    /// </summary>
    public void FullValidationTook(TimeSpan duration, string outcome)
    {
        if (_validationDuration.Enabled)
        {
            _validationDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }

    /// <summary>
    /// An API key decided on: <c>outcome</c> as for tokens (<c>success</c> or the reason tag), <c>credential</c> =
    /// <c>api_key</c>, and on a success <c>cache</c> = <c>hit</c> when the API key cache answered, else <c>miss</c>.
    /// </summary>
    public void ApiKeyDecided(string outcome, bool? cached = null)
    {
        var tags = new TagList
        {
            { "outcome", outcome },
            { "credential", "api_key" },
        };
        if (cached is { } hit)
        {
            tags.Add("cache", hit ? "hit" : "miss");
        }

        _validations.Add(1, tags);
    }

    public void KeysFetched(string trigger, bool success, TimeSpan duration)
    {
        var triggerTag = new KeyValuePair<string, object?>("trigger", trigger);
        var outcomeTag = new KeyValuePair<string, object?>("outcome", success ? "success" : "failure");
        _keyFetches.Add(1, triggerTag, outcomeTag);
        _keyFetchDuration.Record(duration.TotalSeconds, triggerTag, outcomeTag);
    }
}
