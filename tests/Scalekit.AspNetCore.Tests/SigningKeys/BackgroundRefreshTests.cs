using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>Keys older than <c>Keys.RefreshInterval</c> keep serving while one refresh runs in the background.</summary>
public sealed class BackgroundRefreshTests
{
    [Fact]
    public async Task Requests_after_the_refresh_interval_are_served_from_the_cache_while_the_refresh_is_in_flight()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        using var hold = host.Issuer.HoldResponses();
        var arrived = host.Issuer.NextFetch();
        host.Time.Advance(SigningKeyTimings.RefreshInterval);

        // Act: the refresh is held at the issuer for as long as these requests run.
        await host.AssertAcceptedAsync();
        await arrived.Bounded();
        for (var i = 0; i < 5; i++)
        {
            await host.AssertAcceptedAsync();
        }

        // Assert
        host.Issuer.FetchCount.Should().Be(2);
        host.Fetches.Outcomes.Should().Equal("cold_start/success");
    }

    [Fact]
    public async Task A_due_refresh_runs_once_for_all_the_requests_that_found_it_due()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        var hold = host.Issuer.HoldResponses();
        host.Time.Advance(SigningKeyTimings.RefreshInterval);
        for (var i = 0; i < 5; i++)
        {
            await host.AssertAcceptedAsync();
        }

        // Act
        hold.Release();
        await host.Fetches.WaitForAsync(2);

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/success");
        host.Issuer.FetchCount.Should().Be(2);
    }

    [Fact]
    public async Task A_key_retired_by_the_background_refresh_is_then_refused()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        host.Issuer.Publish(TestSigningKey.Create());
        host.Issuer.Retire(host.Issuer.PrimaryKey);

        // Act
        await host.RefreshInBackgroundAsync();

        // Assert
        (await host.StatusOfAsync(host.ValidToken())).Should().Be(HttpStatusCode.Unauthorized);
    }
}
