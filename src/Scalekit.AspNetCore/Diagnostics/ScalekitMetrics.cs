using System.Diagnostics.Metrics;

namespace Scalekit.AspNetCore;

/// <summary>
/// Counters of the <c>Scalekit.AspNetCore</c> meter: token validations by outcome (and, for successes, whether the
/// validated-token cache answered) and JWKS fetches by trigger and outcome.
/// </summary>
internal sealed class ScalekitMetrics
{
    private readonly Counter<long> _validations;
    private readonly Counter<long> _keyFetches;

    public ScalekitMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ScalekitApiAuthDefaults.MeterName);
        _validations = meter.CreateCounter<long>(ScalekitApiAuthDefaults.TokenValidationsMetricName, "{token}", "Scalekit access tokens validated, by outcome.");
        _keyFetches = meter.CreateCounter<long>(ScalekitApiAuthDefaults.JwksFetchesMetricName, "{fetch}", "JWKS fetches, by trigger and outcome.");
    }

    public void TokenValidated(string outcome) =>
        _validations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>A success, tagged <c>cache</c> = <c>hit</c> when the validated-token cache answered, else <c>miss</c>.</summary>
    public void TokenAccepted(bool cached) =>
        _validations.Add(1,
            new KeyValuePair<string, object?>("outcome", "success"),
            new KeyValuePair<string, object?>("cache", cached ? "hit" : "miss"));

    public void KeysFetched(string trigger, bool success) =>
        _keyFetches.Add(1,
            new KeyValuePair<string, object?>("trigger", trigger),
            new KeyValuePair<string, object?>("outcome", success ? "success" : "failure"));
}
