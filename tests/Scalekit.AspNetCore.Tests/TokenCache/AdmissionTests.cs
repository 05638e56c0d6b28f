using System.Net;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// Which validated tokens the cache takes: by default a token the second time it is validated, so that tokens sent
/// only once (a flood of distinct tokens) never take an entry; with <c>CacheOnFirstUse</c>, every token at once.
/// </summary>
public sealed class AdmissionTests
{
    [Fact]
    public async Task A_token_is_cached_the_second_time_it_is_validated()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.CacheOnFirstUse = false);
        var token = host.Host.ValidToken();

        // Act
        var statuses = await host.SendAsync(token, times: 4);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.CacheTags.Should().Equal("miss", "miss", "hit", "hit");
        host.SignatureChecks.Should().Be(2);
    }

    [Fact]
    public async Task Tokens_sent_once_each_take_no_entry()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.CacheOnFirstUse = false);
        var tokens = Enumerable.Range(0, 50).Select(_ => host.Host.ValidToken()).ToList();
        tokens.Should().OnlyHaveUniqueItems();

        // Act
        foreach (var token in tokens)
        {
            (await host.SendAsync(token)).Should().Be(HttpStatusCode.OK);
        }

        // Assert
        host.Cache.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_flood_of_tokens_sent_once_leaves_the_cache_to_the_token_in_use()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(o =>
        {
            o.TokenCache.CacheOnFirstUse = false;
            o.TokenCache.MaxEntries = 4;
        });
        var regular = host.Host.ValidToken();
        await host.SendAsync(regular, times: 2);

        // Act
        for (var i = 0; i < 40; i++)
        {
            await host.SendAsync(host.Host.ValidToken());
        }

        await host.SendAsync(regular);

        // Assert
        host.Cache.Count.Should().Be(1);
        host.CacheTags[^1].Should().Be("hit");
    }

    [Fact]
    public async Task With_CacheOnFirstUse_a_token_is_cached_the_first_time()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.CacheOnFirstUse = true);
        var token = host.Host.ValidToken();

        // Act
        await host.SendAsync(token, times: 3);

        // Assert
        host.CacheTags.Should().Equal("miss", "hit", "hit");
        host.SignatureChecks.Should().Be(1);
    }
}
