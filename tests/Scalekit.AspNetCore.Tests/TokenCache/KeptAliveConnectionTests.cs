using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// On a kept-alive HTTP/1.1 connection, a token the connection sent before is recognised by comparison with it, without
/// hashing; its cache entry is checked as on any hit. The cache is cleared in these tests to show which path answered:
/// only the connection's memo can answer then.
/// </summary>
public sealed class KeptAliveConnectionTests
{
    [Fact]
    public async Task A_token_repeated_on_the_same_connection_is_answered_from_the_connection()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(oneConnection: true);
        var token = host.Host.ValidToken();
        await host.SendAsync(token, times: 2);
        host.Cache.Clear();

        // Act
        var status = await host.SendAsync(token);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(1);
        host.CacheTags.Should().Equal("miss", "hit", "hit");
    }

    [Fact]
    public async Task Another_token_on_the_same_connection_is_validated()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(oneConnection: true);
        await host.SendAsync(host.Host.ValidToken(), times: 2);

        // Act
        var status = await host.SendAsync(host.Host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(2);
    }

    [Fact]
    public async Task A_token_repeated_on_the_same_connection_gets_a_principal_of_its_own()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(oneConnection: true);
        var token = host.Host.ValidToken();

        // Act
        await host.SendAsync(token, times: 3);

        // Assert
        host.Principals.Should().HaveCount(3).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task A_token_repeated_on_the_same_connection_is_refused_once_its_key_is_retired()
    {
        // Arrange: remembered by the connection, then the key is rotated out and a token of the new key brings the new JWKS
        await using var host = await TokenCacheHost.StartAsync(oneConnection: true);
        var token = host.Host.ValidToken();
        await host.SendAsync(token, times: 2);
        await host.RotateAsync();

        // Act: its kid is unknown now, a moment after the rotation's fetch: it waits for the next one
        using var response = await host.Host.AfterTheCooldownAsync(() => host.Host.GetAsync(token));

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.SigningKeyNotFound);
    }

    [Fact]
    public async Task A_token_repeated_on_the_same_connection_past_its_exp_is_validated_in_full_again()
    {
        // Arrange
        await using var host = await TokenCacheHost.StartAsync(oneConnection: true);
        var token = host.TokenExpiringIn(TimeSpan.FromMinutes(1));
        await host.SendAsync(token, times: 2);
        host.Host.Time.Advance(TimeSpan.FromMinutes(2));

        // Act
        await host.SendAsync(token);

        // Assert
        host.SignatureChecks.Should().Be(2);
    }
}
