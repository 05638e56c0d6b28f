using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.AspNetCore.Tests.SigningKeys;

namespace Scalekit.AspNetCore.Tests.HealthChecks;

/// <summary>
/// <c>AddHealthChecks().AddScalekit()</c> on the real pipeline, against a real issuer: Unhealthy until a key was fetched,
/// Degraded while the last good keys serve after failed refreshes, Healthy otherwise.
/// </summary>
public sealed class SigningKeysHealthCheckTests
{
    private const string Entry = "scalekit:" + ScalekitApiAuthDefaults.AuthenticationScheme;
    private const string ReadyPath = "/healthz/ready";

    private static Task<SigningKeysHost> StartAsync(JwksMode mode = JwksMode.Serve) => SigningKeysHost.StartAsync(
        mode,
        services: s => s.AddHealthChecks().AddScalekit(),
        map: app => app.MapHealthChecks(ReadyPath));

    [Fact]
    public async Task Before_any_key_was_fetched_the_check_is_unhealthy_and_the_probe_answers_503()
    {
        // Arrange
        await using var host = await StartAsync();

        // Act
        var entry = await CheckAsync(host);
        using var probe = await host.Api.Client.GetAsync(ReadyPath);

        // Assert
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Data[ScalekitHealthCheckData.KeyCount].Should().Be(0);
        entry.Data[ScalekitHealthCheckData.FailedFetches].Should().Be(0);
        entry.Data.Should().NotContainKey(ScalekitHealthCheckData.LastFetch);
        probe.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task A_cold_start_the_issuer_fails_stays_unhealthy_and_names_the_error_class()
    {
        // Arrange
        await using var host = await StartAsync(JwksMode.Unavailable);
        await host.StatusWithFetchAsync(host.ValidToken());

        // Act
        var entry = await CheckAsync(host);

        // Assert
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Data[ScalekitHealthCheckData.FailedFetches].Should().Be(1);
        entry.Data[ScalekitHealthCheckData.LastError].Should().Be("http_503");
        entry.Data[ScalekitHealthCheckData.LastFailure].Should().Be(host.Time.GetUtcNow().ToString("O"));
    }

    [Fact]
    public async Task Once_the_keys_are_fetched_the_check_is_healthy_with_their_count_and_age()
    {
        // Arrange
        await using var host = await StartAsync();
        await host.AssertAcceptedAsync();
        var fetchedAt = host.Time.GetUtcNow();

        // Act
        host.Time.Advance(TimeSpan.FromSeconds(90));
        var entry = await CheckAsync(host);
        using var probe = await host.Api.Client.GetAsync(ReadyPath);

        // Assert
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data[ScalekitHealthCheckData.Scheme].Should().Be(ScalekitApiAuthDefaults.AuthenticationScheme);
        entry.Data[ScalekitHealthCheckData.KeyCount].Should().Be(1);
        entry.Data[ScalekitHealthCheckData.LastFetch].Should().Be(fetchedAt.ToString("O"));
        entry.Data[ScalekitHealthCheckData.KeyAgeSeconds].Should().Be(90L);
        entry.Data.Should().NotContainKey(ScalekitHealthCheckData.LastError);
        probe.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_failed_refreshes_the_check_is_degraded_the_probe_still_passes_and_nothing_secret_is_shown()
    {
        // Arrange
        await using var host = await StartAsync();
        await host.AssertAcceptedAsync();
        host.Issuer.Mode = JwksMode.Unavailable;

        // Act
        await host.RefreshInBackgroundAsync();
        var entry = await CheckAsync(host);
        using var probe = await host.Api.Client.GetAsync(ReadyPath);

        // Assert
        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Data[ScalekitHealthCheckData.KeyCount].Should().Be(1);
        entry.Data[ScalekitHealthCheckData.FailedFetches].Should().Be(1);
        entry.Data[ScalekitHealthCheckData.LastError].Should().Be("http_503");
        entry.Data[ScalekitHealthCheckData.KeyAgeSeconds].Should().Be((long)SigningKeyTimings.RefreshInterval.TotalSeconds);
        probe.StatusCode.Should().Be(HttpStatusCode.OK);
        var shown = string.Join(" ", entry.Data.Values) + " " + entry.Description;
        shown.Should().NotContain(host.Issuer.EnvironmentUrl).And.NotContain("eyJ");
    }

    [Fact]
    public async Task A_successful_refresh_after_failures_makes_the_check_healthy_again()
    {
        // Arrange
        await using var host = await StartAsync();
        await host.AssertAcceptedAsync();
        host.Issuer.Mode = JwksMode.Unavailable;
        await host.RefreshInBackgroundAsync();

        // Act
        host.Issuer.Mode = JwksMode.Serve;
        host.Time.Advance(SigningKeyTimings.MinRetryDelay);
        await host.AssertAcceptedAsync(); // the keys are still older than the refresh interval: a refresh starts
        await host.Fetches.WaitForAsync(3);
        var entry = await CheckAsync(host);

        // Assert
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data[ScalekitHealthCheckData.FailedFetches].Should().Be(0);
        entry.Data[ScalekitHealthCheckData.KeyAgeSeconds].Should().Be(0L);
    }

    [Fact]
    public async Task Without_a_scalekit_scheme_the_check_is_unhealthy_saying_what_to_call()
    {
        // Arrange
        await using var services = new ServiceCollection().AddLogging().AddHealthChecks().AddScalekit().Services.BuildServiceProvider();

        // Act
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        // Assert
        var entry = report.Entries.Should().ContainKey("scalekit").WhoseValue;
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("AddScalekitApiAuth");
    }

    private static async Task<HealthReportEntry> CheckAsync(SigningKeysHost host)
    {
        var report = await host.Api.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries.Should().ContainKey(Entry).WhoseValue;
    }
}
