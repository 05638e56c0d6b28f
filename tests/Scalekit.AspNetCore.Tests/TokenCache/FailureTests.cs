using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>Only successes are cached: a refused token is validated, and refused, every time.</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData("expired")]
    [InlineData("other audience")]
    [InlineData("other issuer")]
    [InlineData("tampered")]
    public async Task A_refused_token_is_never_cached(string name)
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = HostileTokens.Named(host.Host.Issuer, name);

        // Act
        var statuses = await host.SendAsync(token, times: 2);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Cache.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_token_of_an_unknown_key_is_never_cached()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = HostileTokens.Named(host.Host.Issuer, "unknown key");

        // Act: the second request finds the unknown-kid cooldown in force and waits for the fetch at its end
        var first = await host.SendAsync(token);
        var second = await host.Host.AfterTheCooldownAsync(() => host.SendAsync(token));

        // Assert
        new[] { first, second }.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Cache.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_refused_token_is_validated_in_full_every_time()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync();
        var token = HostileTokens.Named(host.Host.Issuer, "tampered");

        // Act
        await host.SendAsync(token, times: 3);

        // Assert
        host.SignatureChecks.Should().Be(3);
    }
}
