using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Records the <c>scalekit.auth.jwks.fetches</c> counter as <c>trigger/outcome</c> strings. A fetch is counted once it
/// has finished and the cache is ready for the next one, so waiting for a count is how a test waits for a fetch
/// running in the background.
/// </summary>
internal sealed class KeyFetchRecorder(IMeterFactory meterFactory) : IDisposable
{
    private readonly MetricCollector<long> _collector =
        new(meterFactory, ScalekitApiAuthDefaults.MeterName, ScalekitApiAuthDefaults.JwksFetchesMetricName);

    /// <summary>Every finished fetch so far, oldest first, e.g. <c>cold_start/success</c>.</summary>
    public IReadOnlyList<string> Outcomes =>
        _collector.GetMeasurementSnapshot().Select(m => $"{m.Tags["trigger"]}/{m.Tags["outcome"]}").ToList();

    public int Count => _collector.GetMeasurementSnapshot().Count;

    /// <summary>Completes once <paramref name="count"/> fetches in all have finished.</summary>
    public Task WaitForAsync(int count) => _collector.WaitForMeasurementsAsync(count).Bounded();

    public void Dispose() => _collector.Dispose();
}
