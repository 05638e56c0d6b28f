using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Scalekit.AspNetCore;
using Scalekit.Client.Management;
using Scalekit.Client.Tests.Framework;
using Scalekit.Emulator;

namespace Scalekit.Client.Tests.HealthChecks;

/// <summary>
/// An outage of Scalekit as an on-call engineer sees it: the emulator (with its database on disk) stopped and started
/// again on the same address, while an API (signing-key readiness) and a worker (token-endpoint check) keep running.
/// Both run on fake clocks, so that refresh times and back-offs are reached by advancing them.
/// </summary>
public sealed class EmulatorRestartTests : IAsyncLifetime
{
    private const string Audience = "restart-api.acmecorp.com";
    private const string Scope = "read:deployments";
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(40);

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"scalekit-restart-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _apiTime = new(DateTimeOffset.UtcNow);
    private readonly FakeTimeProvider _workerTime = new(DateTimeOffset.UtcNow);
    private ScalekitEmulatorHost? _emulator;
    private WebApplication _api = null!;
    private string _apiUrl = "";
    private ServiceProvider _worker = null!;
    private MetricCollector<long> _fetches = null!;

    public async Task InitializeAsync()
    {
        _emulator = await ScalekitEmulatorHost.StartAsync(o => o.Database = _database);
        var credentials = await RegisterClientAsync(_emulator);

        var builder = Loopback.CreateBuilder();
        builder.Services.AddSingleton<TimeProvider>(_apiTime);
        builder.Services.AddScalekitApiAuth(o =>
        {
            o.EnvironmentUrl = _emulator.EnvironmentUrl;
            o.Audiences.Add(Audience);
            o.Keys.WarmUp = false;
            o.Keys.RefreshInterval = RefreshInterval;
            o.Keys.MinRetryDelay = TimeSpan.FromSeconds(10);
            o.Keys.MaxRetryDelay = MaxRetryDelay;
        });
        builder.Services.AddHealthChecks().AddScalekit();
        _api = builder.Build();
        _api.UseAuthentication();
        _api.UseAuthorization();
        _api.MapGet("/api/deployments", () => "[]").RequireScope(Scope);
        _api.MapHealthChecks("/healthz/ready");
        _apiUrl = await Loopback.StartAsync(_api);
        _fetches = new MetricCollector<long>(_api.Services.GetRequiredService<IMeterFactory>(), ScalekitApiAuthDefaults.MeterName, ScalekitApiAuthDefaults.JwksFetchesMetricName);

        var worker = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(_workerTime);
        worker.AddHttpClient("api", c => c.BaseAddress = new Uri(_apiUrl + "/")).AddScalekitClientCredentials(o =>
        {
            o.EnvironmentUrl = _emulator.EnvironmentUrl;
            o.ClientId = credentials.Client.ClientId;
            o.ClientSecret = credentials.PlainSecret;
            o.TokenRequest.MaxRetryAttempts = 0;
        });
        worker.AddHealthChecks().AddScalekitTokenEndpoint("api");
        _worker = worker.BuildServiceProvider();
    }

    [Fact]
    public async Task While_the_emulator_is_down_the_api_serves_degraded_and_recovers_when_it_is_back()
    {
        // Arrange: keys fetched and a token held.
        (await CallApiAsync()).Should().Be(HttpStatusCode.OK);
        (await ApiReadinessAsync()).Should().Be((HttpStatusCode.OK, "Healthy"));
        var port = new Uri(_emulator!.EnvironmentUrl).Port;

        // Act 1: Scalekit goes away; the next refresh of the keys fails.
        await _emulator.DisposeAsync();
        _emulator = null;
        _apiTime.Advance(RefreshInterval + TimeSpan.FromSeconds(1));
        var duringOutage = await CallApiAsync();
        await _fetches.WaitForMeasurementsAsync(2).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert 1: callers with a token are still served on the last good keys; readiness says Degraded, not down.
        duringOutage.Should().Be(HttpStatusCode.OK);
        _fetches.LastMeasurement!.Tags.Should().Contain("outcome", "failure");
        (await ApiReadinessAsync()).Should().Be((HttpStatusCode.OK, "Degraded"));

        // Act 2: Scalekit is back on the same address, with the same keys (its database); the back-off ends.
        _emulator = await ScalekitEmulatorHost.StartAsync(o => o.Database = _database, port: port);
        _apiTime.Advance(MaxRetryDelay);
        (await CallApiAsync()).Should().Be(HttpStatusCode.OK);
        await _fetches.WaitForMeasurementsAsync(3).WaitAsync(TimeSpan.FromSeconds(30));

        // Assert 2
        _fetches.LastMeasurement!.Tags.Should().Contain("outcome", "success");
        (await ApiReadinessAsync()).Should().Be((HttpStatusCode.OK, "Healthy"));
    }

    [Fact]
    public async Task While_the_emulator_is_down_the_worker_check_is_degraded_then_healthy_once_it_is_back()
    {
        // Arrange
        (await WorkerHealthAsync()).Should().Be(HealthStatus.Healthy);
        var port = new Uri(_emulator!.EnvironmentUrl).Port;
        await _emulator.DisposeAsync();
        _emulator = null;

        // Act 1: the token is due for refresh (3600 s, replaced from 3540 s) while the token endpoint is gone.
        _workerTime.Advance(TimeSpan.FromSeconds(3550));
        var duringOutage = await WorkerHealthAsync();

        // Act 2
        _emulator = await ScalekitEmulatorHost.StartAsync(o => o.Database = _database, port: port);
        var afterRestart = await WorkerHealthAsync();

        // Assert
        duringOutage.Should().Be(HealthStatus.Degraded);
        afterRestart.Should().Be(HealthStatus.Healthy);
    }

    public async Task DisposeAsync()
    {
        _fetches.Dispose();
        await _worker.DisposeAsync();
        await _api.DisposeAsync();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_database) + "*"))
        {
            File.Delete(file);
        }
    }

    private static async Task<ScalekitCreatedApiClient> RegisterClientAsync(ScalekitEmulatorHost emulator)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = emulator.EnvironmentUrl;
                o.ClientId = emulator.EnvironmentClientId;
                o.ClientSecret = emulator.EnvironmentClientSecret;
            })
            .Services.BuildServiceProvider();
        var management = services.GetRequiredService<ScalekitManagementClient>();
        var organization = await management.CreateOrganizationAsync("Restart Corp", "restart-" + Guid.NewGuid().ToString("N")[..8]);
        return await management.CreateClientAsync(organization.Id, new ScalekitApiClientRequest
        {
            Name = "Restart worker",
            Scopes = [Scope],
            Audience = [Audience],
            Expiry = 3600,
        });
    }

    private async Task<HttpStatusCode> CallApiAsync()
    {
        using var response = await _worker.GetRequiredService<IHttpClientFactory>().CreateClient("api").GetAsync("api/deployments");
        return response.StatusCode;
    }

    private async Task<(HttpStatusCode, string)> ApiReadinessAsync()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(_apiUrl + "/healthz/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<HealthStatus> WorkerHealthAsync() =>
        (await _worker.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status;
}
