using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Diagnostics;

/// <summary>The <c>Scalekit.Client</c> meter, through the real handler pipeline, the emulator and the test API.</summary>
public sealed class ClientMetricsTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task Ten_calls_count_one_token_request_one_miss_and_nine_hits()
    {
        // Arrange
        await using var services = ClientServices.Create(environment, await environment.RegisterClientAsync());
        using var requests = Collect<long>(services, ScalekitClientDefaults.TokenRequestsMetricName);
        using var duration = Collect<double>(services, ScalekitClientDefaults.TokenRequestDurationMetricName);
        using var lookups = Collect<long>(services, ScalekitClientDefaults.TokenCacheLookupsMetricName);
        var client = services.CreateClient();

        // Act
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("api/deployments");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Assert
        requests.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "success" });
        duration.GetMeasurementSnapshot().Should().ContainSingle().Which.Value.Should().BeGreaterThan(0);
        duration.Instrument!.Unit.Should().Be("s");
        var byCache = lookups.GetMeasurementSnapshot().GroupBy(m => m.Tags["cache"]).ToDictionary(g => g.Key!, g => g.Sum(m => m.Value));
        byCache.Should().Equal(new Dictionary<object, long> { ["miss"] = 1, ["hit"] = 9 });
    }

    [Fact]
    public async Task A_refused_token_request_is_counted_with_its_OAuth_error()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials with { Secret = "not-the-secret-4f9a" });
        using var requests = Collect<long>(services, ScalekitClientDefaults.TokenRequestsMetricName);

        // Act
        var call = () => services.CreateClient().GetAsync("api/deployments");

        // Assert
        await call.Should().ThrowAsync<ScalekitTokenException>();
        requests.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(
            new Dictionary<string, object?> { ["outcome"] = "refused", ["oauth.error"] = "invalid_client" });
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_is_counted_as_unreachable()
    {
        // Arrange: a port nobody listens on
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, o =>
        {
            o.TokenEndpoint = "http://127.0.0.1:1/oauth/token";
            o.TokenRequest.MaxRetryAttempts = 0;
        });
        using var requests = Collect<long>(services, ScalekitClientDefaults.TokenRequestsMetricName);

        // Act
        var call = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        await call.Should().ThrowAsync<ScalekitTokenException>();
        requests.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "unreachable" });
    }

    [Fact]
    public async Task A_401_retry_counts_a_retry_and_a_rejected_refresh()
    {
        // Arrange: a cached token that the API refuses from now on
        await using var services = ClientServices.Create(environment, await environment.RegisterClientAsync());
        using var retries = Collect<long>(services, ScalekitClientDefaults.UnauthorizedRetriesMetricName);
        using var refreshes = Collect<long>(services, ScalekitClientDefaults.TokenRefreshesMetricName);
        var client = services.CreateClient();
        (await client.GetAsync("api/deployments")).Dispose();
        environment.Api.Refuse(environment.Api.Requests.Last().BearerToken!);

        // Act
        using var response = await client.GetAsync("api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        retries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["reason"] = "invalid_token" });
        refreshes.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["reason"] = "rejected" });
    }

    [Fact]
    public async Task A_token_at_its_refresh_time_counts_a_refresh()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = ClientServices.Create(environment, await environment.RegisterClientAsync(), time: time);
        using var refreshes = Collect<long>(services, ScalekitClientDefaults.TokenRefreshesMetricName);
        await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Act
        time.Advance(TimeSpan.FromSeconds(3540));
        await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        refreshes.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["reason"] = "refresh_time" });
    }

    [Fact]
    public async Task Shared_cache_failures_are_counted_by_operation()
    {
        // Arrange
        await using var services = ClientServices.Create(environment, await environment.RegisterClientAsync(), o => o.UseSharedTokenCache = true, services: s =>
        {
            s.AddSingleton<HybridCache, BrokenHybridCache>();
        });
        using var failures = Collect<long>(services, ScalekitClientDefaults.SharedCacheFailuresMetricName);

        // Act
        using var response = await services.CreateClient().GetAsync("api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var logged = services.Logs.GetSnapshot().Count(l => l.Id.Name == "SharedCacheFailed");
        logged.Should().Be(2, "the read before the token request and the write after it");
        failures.GetMeasurementSnapshot().Should().HaveCount(logged).And.OnlyContain(m => Equals(m.Tags["operation"], "read") || Equals(m.Tags["operation"], "write"));
    }

    private static MetricCollector<T> Collect<T>(ClientServices services, string instrument)
        where T : struct =>
        new(services.Provider.GetRequiredService<IMeterFactory>(), ScalekitClientDefaults.MeterName, instrument);

    private sealed class BrokenHybridCache : HybridCache
    {
        public override ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
            HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
            throw new IOException("Redis is down");

        public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
            throw new IOException("Redis is down");

        public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => throw new IOException("Redis is down");

        public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => throw new IOException("Redis is down");
    }
}
