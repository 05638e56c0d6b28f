using System.Net;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>The first requests after start: one JWKS fetch, however many requests arrive at once.</summary>
public sealed class ColdStartTests
{
    [Fact]
    public async Task The_first_request_after_start_fetches_the_key_set_once()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        host.Issuer.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task Requests_after_the_first_are_served_from_the_cache()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();

        // Act
        for (var i = 0; i < 5; i++)
        {
            await host.AssertAcceptedAsync();
        }

        // Assert
        host.Issuer.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task Fifty_concurrent_cold_start_requests_share_one_fetch()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        var token = host.ValidToken();

        // Act
        var statuses = await host.Issuer.CallersDuringAHeldFetchAsync(50, () => host.StatusOfAsync(token));

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        host.Issuer.FetchCount.Should().Be(1);
    }
}
