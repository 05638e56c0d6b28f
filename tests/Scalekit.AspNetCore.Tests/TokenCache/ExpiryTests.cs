using System.Net;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// A cached entry never outlives the token's <c>exp</c> nor the cache's <c>MaxAge</c>, by the library's clock (a fake one
/// here). Past either, the token goes through JwtBearer's full validation again, which decides (with its clock skew)
/// whether it still passes.
/// </summary>
public sealed class ExpiryTests
{
    [Fact]
    public async Task A_cached_token_past_its_exp_is_not_answered_from_the_cache()
    {
        // Arrange: exp a minute from now; the API's clock then moves two minutes on
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.TokenExpiringIn(TimeSpan.FromMinutes(1));
        await host.SendAsync(token);
        host.Host.Time.Advance(TimeSpan.FromMinutes(2));

        // Act
        await host.SendAsync(token);

        // Assert
        host.SignatureChecks.Should().Be(2, "the entry expired with the token, so the token was validated in full again");
        host.CacheTags.Should().Equal("miss", "miss");
    }

    [Fact]
    public async Task A_token_past_its_exp_is_not_cached_again()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.TokenExpiringIn(TimeSpan.FromMinutes(1));
        await host.SendAsync(token);
        host.Host.Time.Advance(TimeSpan.FromMinutes(2));

        // Act
        await host.SendAsync(token, times: 2);

        // Assert
        host.Cache.Count.Should().Be(0);
        host.SignatureChecks.Should().Be(3);
    }

    [Theory]
    [InlineData(59, 1)] // within MaxAge: answered from the cache
    [InlineData(61, 2)] // past MaxAge: validated in full again
    public async Task A_cached_token_is_answered_from_the_cache_only_within_MaxAge(int secondsLater, int signatureChecks)
    {
        // Arrange: the token is valid for an hour, the cache keeps entries for a minute
        await using var host = await TokenCacheHost.StartAsync(o => o.TokenCache.MaxAge = TimeSpan.FromMinutes(1));
        var token = host.Host.ValidToken();
        await host.SendAsync(token);
        host.Host.Time.Advance(TimeSpan.FromSeconds(secondsLater));

        // Act
        var status = await host.SendAsync(token);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(signatureChecks);
    }
}
