using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.KeyCache;

/// <summary>A key published after the cache was filled passes on the first request that carries it.</summary>
public sealed class NewKeyTests
{
    [Fact]
    public async Task A_key_published_moments_after_the_cold_start_fetch_is_accepted_on_its_first_request()
    {
        // Arrange
        await using var host = await KeyCacheHost.StartWithCachedKeysAsync();
        var newKey = host.Issuer.Publish(TestSigningKey.Create());

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(newKey));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.Issuer.FetchCount.Should().Be(2);
    }

    [Fact]
    public async Task A_key_published_after_a_refresh_is_accepted_on_its_first_request()
    {
        // Arrange
        await using var host = await KeyCacheHost.StartWithCachedKeysAsync();
        await host.RefreshInBackgroundAsync();
        var newKey = host.Issuer.Publish(TestSigningKey.Create());

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(newKey));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_key_published_while_the_cold_start_fetch_is_in_flight_is_accepted_on_its_first_request()
    {
        // Arrange: the only request waits for the cold-start fetch, which was answered before the key existed.
        await using var host = await KeyCacheHost.StartAsync();
        var newKey = TestSigningKey.Create();
        var hold = host.Issuer.HoldResponses();
        var arrived = host.Issuer.NextFetch();
        var request = host.StatusOfAsync(host.TokenSignedBy(newKey));
        await arrived.Bounded();
        host.Issuer.Publish(newKey);

        // Act
        hold.Release();
        var status = await request;

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }
}
