using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.FastPath;

/// <summary>Only successes are cached: a refused token is validated, and refused, every time.</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData("expired")]
    [InlineData("other audience")]
    [InlineData("other issuer")]
    [InlineData("tampered")]
    [InlineData("unknown key")]
    public async Task A_refused_token_is_never_cached(string name)
    {
        // Arrange
        await using var host = await FastPathHost.StartAsync();
        var token = HostileTokens.Named(host.Host.Issuer, name);

        // Act
        var statuses = await host.SendAsync(token, times: 2);

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Cache.Count.Should().Be(0);
    }

    [Fact]
    public async Task A_refused_token_is_validated_in_full_every_time()
    {
        // Arrange
        await using var host = await FastPathHost.StartAsync();
        var token = HostileTokens.Named(host.Host.Issuer, "tampered");

        // Act
        await host.SendAsync(token, times: 3);

        // Assert
        host.SignatureChecks.Should().Be(3);
    }
}
