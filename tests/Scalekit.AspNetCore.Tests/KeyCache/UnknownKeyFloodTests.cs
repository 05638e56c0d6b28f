using System.Net;

namespace Scalekit.AspNetCore.Tests.KeyCache;

/// <summary>Tokens naming random key ids cost at most one JWKS fetch per <c>Keys.UnknownKeyCooldown</c>.</summary>
public sealed class UnknownKeyFloodTests
{
    private const int Flood = 200;

    [Fact]
    public async Task Two_hundred_parallel_requests_with_random_kids_cost_at_most_one_extra_fetch()
    {
        // Arrange
        await using var host = await KeyCacheHost.StartWithCachedKeysAsync();
        host.Issuer.ResetFetchCount();
        var tokens = RandomKidTokens(host);

        // Act
        var statuses = await Task.WhenAll(tokens.Select(host.StatusOfAsync));

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Issuer.FetchCount.Should().Be(1, "the first unknown kid fetches; the others join that fetch or find the cooldown in force");
    }

    [Fact]
    public async Task Two_hundred_sequential_requests_with_random_kids_cost_one_extra_fetch()
    {
        // Arrange
        await using var host = await KeyCacheHost.StartWithCachedKeysAsync();
        host.Issuer.ResetFetchCount();
        var tokens = RandomKidTokens(host);

        // Act
        await SendOneByOneAsync(host, tokens);

        // Assert
        host.Issuer.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task Once_the_cooldown_has_passed_an_unknown_kid_fetches_once_more()
    {
        // Arrange
        await using var host = await KeyCacheHost.StartWithCachedKeysAsync();
        await SendOneByOneAsync(host, RandomKidTokens(host));

        // Act
        host.Time.Advance(KeyCacheTimings.UnknownKeyCooldown);
        await SendOneByOneAsync(host, RandomKidTokens(host));

        // Assert
        host.Issuer.FetchCount.Should().Be(3);
    }

    [Fact]
    public async Task Just_before_the_cooldown_has_passed_an_unknown_kid_does_not_fetch()
    {
        // Arrange
        await using var host = await KeyCacheHost.StartWithCachedKeysAsync();
        await SendOneByOneAsync(host, RandomKidTokens(host, count: 1));

        // Act
        host.Time.Advance(KeyCacheTimings.UnknownKeyCooldown - TimeSpan.FromSeconds(1));
        await SendOneByOneAsync(host, RandomKidTokens(host, count: 1));

        // Assert
        host.Issuer.FetchCount.Should().Be(2);
    }

    /// <summary>Valid-looking tokens, each naming a fresh random kid, signed by a key the issuer never published.</summary>
    private static List<string> RandomKidTokens(KeyCacheHost host, int count = Flood) =>
        Enumerable.Range(0, count).Select(_ => host.UnknownKidToken("snk_" + Guid.NewGuid().ToString("N"))).ToList();

    private static async Task SendOneByOneAsync(KeyCacheHost host, IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            (await host.StatusOfAsync(token)).Should().Be(HttpStatusCode.Unauthorized);
        }
    }
}
