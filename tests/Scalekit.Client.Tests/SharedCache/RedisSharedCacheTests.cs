using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client.Tests.Framework;
using StackExchange.Redis;

namespace Scalekit.Client.Tests.SharedCache;

/// <summary>Several instances of a service share tokens through HybridCache with a real Redis as its distributed tier.</summary>
public sealed class RedisSharedCacheTests(ClientEnvironment environment, RedisServer redis)
    : IClassFixture<ClientEnvironment>, IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task Two_instances_sharing_Redis_request_one_token()
    {
        // Arrange: two service providers, as two processes would have
        var credentials = await environment.RegisterClientAsync();
        var prefix = Prefix();
        await using var first = Instance(credentials, prefix);
        await using var second = Instance(credentials, prefix);

        // Act
        using var fromFirst = await first.CreateClient().GetAsync("api/deployments");
        using var fromSecond = await second.CreateClient().GetAsync("api/deployments");

        // Assert
        fromSecond.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
        environment.Api.Requests.TakeLast(2).Select(r => r.BearerToken).Distinct().Should().ContainSingle();
    }

    [RedisFact]
    public async Task The_shared_entry_expires_by_the_tokens_refresh_time()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        var prefix = Prefix();
        await using var instance = Instance(credentials, prefix);

        // Act
        var token = await instance.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert: the token lives 3600 s and is replaced from 3540 s; Redis drops the entry by then
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var server = connection.GetServer(connection.GetEndPoints().Single());
        var key = server.Keys(pattern: prefix + "*").Should().ContainSingle().Subject;
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
        ttl.Should().NotBeNull();
        ttl!.Value.Should().BeLessThanOrEqualTo(token.RefreshAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1)).And.BeGreaterThan(TimeSpan.FromSeconds(3400));
        key.ToString().Should().NotContain(credentials.ClientId);
    }

    [RedisFact]
    public async Task A_token_the_API_refused_is_not_taken_back_from_the_shared_cache()
    {
        // Arrange: the first instance shares a token that the API then refuses
        var credentials = await environment.RegisterClientAsync();
        var prefix = Prefix();
        await using var first = Instance(credentials, prefix);
        (await first.CreateClient().GetAsync("api/deployments")).Dispose();
        var refused = environment.Api.Requests.Last().BearerToken!;
        environment.Api.Refuse(refused);
        await using var second = Instance(credentials, prefix);

        // Act: the second instance finds the refused token in Redis, gets 401, and must fetch a new one
        using var response = await second.CreateClient().GetAsync("api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
        environment.Api.Requests.TakeLast(2).Select(r => r.BearerToken).Should().SatisfyRespectively(
            shared => shared.Should().Be(refused),
            fresh => fresh.Should().NotBe(refused));
    }

    private static string Prefix() => "test-" + Guid.NewGuid().ToString("N")[..8] + ":";

    private ClientServices Instance(TestCredentials credentials, string prefix) =>
        ClientServices.Create(environment, credentials, o => o.UseSharedTokenCache = true, services: s =>
        {
            s.AddStackExchangeRedisCache(o =>
            {
                o.Configuration = redis.Configuration;
                o.InstanceName = prefix;
            });
            s.AddHybridCache();
        });
}
