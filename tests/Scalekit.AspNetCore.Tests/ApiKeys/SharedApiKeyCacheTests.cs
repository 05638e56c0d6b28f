using System.Net;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// Many instances: with a <c>HybridCache</c> on Redis (a real <c>redis-server</c>), a fleet asks Scalekit once per key
/// per cache period, not once per instance; a failing shared cache is skipped and logged.
/// </summary>
public sealed class SharedApiKeyCacheTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task A_key_one_instance_validated_is_accepted_by_another_without_asking_Scalekit()
    {
        // Arrange
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        var prefix = Guid.NewGuid().ToString("N");
        await using var first = await ApiKeyHost.StartAsync(services: s => SharedThroughRedis(s, prefix), emulator: emulator);
        await using var second = await ApiKeyHost.StartAsync(services: s => SharedThroughRedis(s, prefix), emulator: emulator);
        var created = await first.CreateKeyAsync(customClaims: new Dictionary<string, string> { ["plan"] = "enterprise" });

        // Act
        using var validated = await first.GetAsync("/min/me", created.PlainKey);
        using var shared = await second.GetAsync("/min/me", created.PlainKey);

        // Assert
        validated.StatusCode.Should().Be(HttpStatusCode.OK);
        var caller = await shared.ReadOkJsonAsync<KeyCallerSnapshot>();
        caller.ApiKeyId.Should().Be(created.ApiKey.Id);
        caller.CustomClaims.Should().ContainKey("plan").WhoseValue.Should().Be("enterprise");
        first.Validations.Should().Be(1);
        second.Validations.Should().Be(0);
    }

    [RedisFact]
    public async Task A_refusal_one_instance_received_is_shared_as_well()
    {
        // Arrange
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        var prefix = Guid.NewGuid().ToString("N");
        await using var first = await ApiKeyHost.StartAsync(services: s => SharedThroughRedis(s, prefix), emulator: emulator);
        await using var second = await ApiKeyHost.StartAsync(services: s => SharedThroughRedis(s, prefix), emulator: emulator);
        var madeUp = "skapi_" + Guid.NewGuid().ToString("N") + "shared";

        // Act
        (await first.GetAsync("/authenticated", madeUp)).Dispose();
        using var response = await second.GetAsync("/authenticated", madeUp);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        second.Validations.Should().Be(0);
    }

    [RedisFact]
    public async Task A_shared_entry_stands_no_longer_than_the_cache_duration_by_the_reading_instances_clock()
    {
        // Arrange
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        var prefix = Guid.NewGuid().ToString("N");
        await using var first = await ApiKeyHost.StartAsync(services: s => SharedThroughRedis(s, prefix), emulator: emulator);
        await using var second = await ApiKeyHost.StartAsync(services: s => SharedThroughRedis(s, prefix), emulator: emulator);
        var created = await first.CreateKeyAsync();
        (await first.GetAsync("/authenticated", created.PlainKey)).Dispose();

        // Act
        second.Time.Advance(TimeSpan.FromMinutes(2));
        using var response = await second.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Validations.Should().Be(1);
    }

    [RedisFact]
    public async Task A_shared_acceptance_written_with_a_longer_cache_duration_stands_no_longer_than_the_readers_cache_duration()
    {
        // Arrange: the writer keeps acceptances 1 hour, the reader 1 minute; the key is invalidated after the writer's validation
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        var prefix = Guid.NewGuid().ToString("N");
        await using var writer = await ApiKeyHost.StartAsync(o => o.ApiKeys.CacheDuration = TimeSpan.FromHours(1), s => SharedThroughRedis(s, prefix), emulator);
        await using var reader = await ApiKeyHost.StartAsync(o => o.ApiKeys.CacheDuration = TimeSpan.FromMinutes(1), s => SharedThroughRedis(s, prefix), emulator);
        var created = await writer.CreateKeyAsync();
        (await writer.GetAsync("/authenticated", created.PlainKey)).Dispose();
        await writer.Management.InvalidateApiKeyAsync(created.ApiKey.Id);

        // Act: 2 minutes later by the reader's clock
        reader.Time.Advance(TimeSpan.FromMinutes(2));
        using var response = await reader.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.ApiKeyRefused);
        reader.Validations.Should().Be(1);
    }

    [RedisFact]
    public async Task A_shared_refusal_written_with_a_longer_refusal_cache_duration_stands_no_longer_than_the_readers()
    {
        // Arrange: the writer keeps refusals 1 minute, the reader 10 seconds
        await using var emulator = await ScalekitEmulatorHost.StartAsync();
        var prefix = Guid.NewGuid().ToString("N");
        await using var writer = await ApiKeyHost.StartAsync(o => o.ApiKeys.RefusalCacheDuration = TimeSpan.FromMinutes(1), s => SharedThroughRedis(s, prefix), emulator);
        await using var reader = await ApiKeyHost.StartAsync(o => o.ApiKeys.RefusalCacheDuration = TimeSpan.FromSeconds(10), s => SharedThroughRedis(s, prefix), emulator);
        var madeUp = "skapi_" + Guid.NewGuid().ToString("N") + "refused";
        (await writer.GetAsync("/authenticated", madeUp)).Dispose();

        // Act: 15 seconds later by the reader's clock
        reader.Time.Advance(TimeSpan.FromSeconds(15));
        (await reader.GetAsync("/authenticated", madeUp)).Dispose();

        // Assert
        reader.Validations.Should().Be(1);
    }

    [Fact]
    public async Task A_shared_cache_time_out_that_surfaces_as_a_cancellation_is_skipped_and_logged_as_event_45()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(services: s => s.AddSingleton<HybridCache>(new ThrowingHybridCache(() => new TaskCanceledException("Redis timed out"))));
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsOf(45).Select(r => r.Message).Should().HaveCount(2).And.OnlyContain(m => m.Contains(nameof(TaskCanceledException)));
    }

    [Fact]
    public async Task A_failing_distributed_cache_is_skipped_and_logged()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(services: s =>
        {
            s.AddSingleton<IDistributedCache, BrokenDistributedCache>();
            s.AddHybridCache();
        });
        var created = await host.CreateKeyAsync();

        // Act
        using var first = await host.GetAsync("/authenticated", created.PlainKey);
        using var second = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Validations.Should().Be(1);
        // HybridCache catches and logs its distributed tier's failures itself; one it lets through is logged as event 45.
        host.Logs.GetSnapshot().Should().Contain(r => r.Category == "Microsoft.Extensions.Caching.Hybrid.HybridCache" && r.Id.Name == "CacheBackendReadFailure");
    }

    [Fact]
    public async Task A_hybrid_cache_that_throws_is_skipped_and_logged_as_event_45()
    {
        // Arrange
        await using var host = await ApiKeyHost.StartAsync(services: s => s.AddSingleton<HybridCache>(new ThrowingHybridCache(() => new IOException("the cache is down"))));
        var created = await host.CreateKeyAsync();

        // Act
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsOf(45).Select(r => r.Message).Should().HaveCount(2).And.Contain(m => m.Contains("failed to read")).And.Contain(m => m.Contains("failed to write"));
    }

    private void SharedThroughRedis(IServiceCollection services, string prefix)
    {
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis.Configuration;
            o.InstanceName = prefix;
        });
        services.AddHybridCache();
    }

    /// <summary>A <see cref="HybridCache"/> of another implementation whose every call fails with <paramref name="failure"/>.</summary>
    private sealed class ThrowingHybridCache(Func<Exception> failure) : HybridCache
    {
        public override ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory,
            HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
            throw failure();

        public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
            throw failure();

        public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => throw failure();

        public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default) => throw failure();
    }
}
