using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.HealthChecks;

/// <summary><c>AddHealthChecks().AddScalekitTokenEndpoint(…)</c>, run by the real <see cref="HealthCheckService"/> against the emulator.</summary>
public sealed class TokenEndpointHealthCheckTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    private const string CheckName = "scalekit-token:" + ClientServices.Name;

    [Fact]
    public async Task A_client_that_gets_a_token_is_healthy_with_the_endpoint_and_expiry_in_the_data()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = WithCheck(credentials);

        // Act
        var entry = await CheckAsync(services);

        // Assert
        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data.Should().Contain(ScalekitTokenEndpointHealthCheckData.TokenEndpoint, environment.Proxy.Url + "/oauth/token");
        entry.Data.Should().ContainKey(ScalekitTokenEndpointHealthCheckData.ExpiresAt);
    }

    [Fact]
    public async Task Repeated_probes_cost_one_token_request_while_the_token_is_fresh()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = WithCheck(credentials);

        // Act
        for (var i = 0; i < 5; i++)
        {
            await CheckAsync(services);
        }

        // Assert
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }

    [Fact]
    public async Task A_wrong_secret_is_unhealthy_with_the_oauth_error_and_without_the_secret()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        var wrong = credentials with { Secret = "wrong-secret-" + Guid.NewGuid().ToString("N") };
        await using var services = WithCheck(wrong);

        // Act
        var entry = await CheckAsync(services);

        // Assert
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Data.Should().Contain(ScalekitTokenEndpointHealthCheckData.LastError, "invalid_client");
        entry.Description.Should().NotContain(wrong.Secret);
        entry.Exception.Should().BeNull("an exception's message is shown by health-check writers");
    }

    [Fact]
    public async Task A_failed_refresh_with_a_cached_token_left_is_degraded()
    {
        // Arrange: the token (3600 s) is due for refresh from 3540 s on; the refresh is answered 503, with no retry.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credentials = await environment.RegisterClientAsync();
        await using var services = WithCheck(credentials, time);
        (await CheckAsync(services)).Status.Should().Be(HealthStatus.Healthy);
        time.Advance(TimeSpan.FromSeconds(3550));
        environment.Proxy.FailNextTokenRequests(HttpStatusCode.ServiceUnavailable);

        // Act
        var entry = await CheckAsync(services);

        // Assert
        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Data.Should().Contain(ScalekitTokenEndpointHealthCheckData.LastError, "http_503");
    }

    [Fact]
    public async Task A_check_for_a_client_without_credentials_reports_the_failure_status_and_how_to_fix_it()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, services: s =>
            s.AddHealthChecks().AddScalekitTokenEndpoint("nobody", failureStatus: HealthStatus.Degraded));

        // Act
        var report = await services.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        // Assert
        var entry = report.Entries["scalekit-token:nobody"];
        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().Contain("AddScalekitClientCredentials()");
    }

    [Fact]
    public async Task Client_credentials_alone_add_no_health_check()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, services: s => s.AddHealthChecks());

        // Act
        var registrations = services.Provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        // Assert
        registrations.Should().BeEmpty();
    }

    private ClientServices WithCheck(TestCredentials credentials, TimeProvider? time = null) =>
        ClientServices.Create(environment, credentials, o => o.TokenRequest.MaxRetryAttempts = 0, time,
            s => s.AddHealthChecks().AddScalekitTokenEndpoint(ClientServices.Name));

    private static async Task<HealthReportEntry> CheckAsync(ClientServices services)
    {
        var report = await services.Provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[CheckName];
    }
}
