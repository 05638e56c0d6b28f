using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>The cache is bounded by <c>MaxEntries</c>, and long tokens take more of it than short ones.</summary>
public sealed class BoundTests
{
    [Fact]
    public async Task The_cache_never_holds_more_than_MaxEntries_tokens()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.MaxEntries = 5);
        var tokens = Enumerable.Range(0, 20).Select(_ => host.Host.ValidToken()).ToList();

        // Act
        var counts = new List<int>();
        foreach (var token in tokens)
        {
            await host.SendAsync(token);
            counts.Add(host.Cache.Count);
        }

        // Assert
        counts.Should().OnlyContain(count => count <= 5);
        counts.Should().Contain(5, "the cache does fill up to its bound");
    }

    [Fact]
    public async Task A_full_cache_still_accepts_new_tokens()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.MaxEntries = 2);
        foreach (var token in Enumerable.Range(0, 4).Select(_ => host.Host.ValidToken()))
        {
            await host.SendAsync(token);
        }

        // Act
        var status = await host.SendAsync(host.Host.ValidToken());

        // Assert
        status.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_long_token_takes_a_unit_of_the_bound_per_started_2_KiB()
    {
        // Arrange: room for four units; a token of 5-6 KiB takes three
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.MaxEntries = 4);
        var longTokens = Enumerable.Range(0, 3)
            .Select(_ => host.Host.Issuer.TokenWith(p => p["padding"] = new string('x', 3 * 1024)))
            .ToList();
        longTokens.Select(t => t.Length).Should().OnlyContain(length => length > 4 * 1024 && length <= 6 * 1024);

        // Act
        foreach (var token in longTokens)
        {
            await host.SendAsync(token);
        }

        // Assert
        host.Cache.Count.Should().Be(1);
    }
}
