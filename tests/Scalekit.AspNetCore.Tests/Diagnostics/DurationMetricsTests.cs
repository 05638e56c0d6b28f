using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.AspNetCore.Tests.SigningKeys;

namespace Scalekit.AspNetCore.Tests.Diagnostics;

/// <summary>
/// The histograms of the <c>Scalekit.AspNetCore</c> meter: full-validation and JWKS-fetch durations. The API runs on a
/// fake clock, so a duration is exactly the time the test advanced it by.
/// </summary>
public sealed class DurationMetricsTests
{
    [Fact]
    public async Task A_full_validation_records_one_duration_tagged_with_its_outcome()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        using var durations = ValidationDurations(host);

        // Act
        using var response = await host.GetAsync(HostileTokens.Named(host.Issuer, "expired"));

        // Assert
        var measurement = durations.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Tags.Should().Contain("outcome", "expired");
        measurement.Value.Should().Be(0, "the fake clock did not move");
    }

    [Fact]
    public async Task A_validated_token_cache_hit_records_no_validation_duration()
    {
        // Arrange: the cache keeps a token from its second validation on ("second sight").
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        var token = host.ValidToken();
        await host.AssertAcceptedAsync(token);
        await host.AssertAcceptedAsync(token);
        using var durations = ValidationDurations(host);

        // Act
        await host.AssertAcceptedAsync(token);

        // Assert
        durations.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task A_validation_that_waits_for_the_cold_start_fetch_records_the_wait()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        using var durations = ValidationDurations(host);
        var hold = host.Issuer.HoldResponses();
        var arrived = host.Issuer.NextFetch();
        var request = host.GetAsync(host.ValidToken());
        await arrived.Bounded();

        // Act
        host.Time.Advance(TimeSpan.FromSeconds(2));
        hold.Release();
        using var response = await request;

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var measurement = durations.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(2);
        measurement.Tags.Should().Contain("outcome", "success");
    }

    [Fact]
    public async Task A_jwks_fetch_records_its_duration_tagged_with_trigger_and_outcome()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        using var durations = FetchDurations(host);
        var hold = host.Issuer.HoldResponses();
        var arrived = host.Issuer.NextFetch();
        var request = host.GetAsync(host.ValidToken());
        await arrived.Bounded();

        // Act
        host.Time.Advance(TimeSpan.FromSeconds(3));
        hold.Release();
        using var response = await request;
        await durations.WaitForMeasurementsAsync(1).Bounded();

        // Assert
        var measurement = durations.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(3);
        measurement.Tags.Should().Contain("trigger", "cold_start").And.Contain("outcome", "success");
    }

    [Fact]
    public async Task A_failed_jwks_fetch_records_its_duration_as_a_failure()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable);
        using var durations = FetchDurations(host);

        // Act
        using var response = await host.GetAsync(host.ValidToken());
        await durations.WaitForMeasurementsAsync(1).Bounded();

        // Assert
        durations.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Contain("outcome", "failure");
    }

    private static MetricCollector<double> ValidationDurations(SigningKeysHost host) =>
        new(host.Api.Services.GetRequiredService<IMeterFactory>(), ScalekitApiAuthDefaults.MeterName, ScalekitApiAuthDefaults.TokenValidationDurationMetricName);

    private static MetricCollector<double> FetchDurations(SigningKeysHost host) =>
        new(host.Api.Services.GetRequiredService<IMeterFactory>(), ScalekitApiAuthDefaults.MeterName, ScalekitApiAuthDefaults.JwksFetchDurationMetricName);
}
