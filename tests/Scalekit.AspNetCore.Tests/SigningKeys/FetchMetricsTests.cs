using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary><c>scalekit.auth.jwks.fetches</c> counts every finished fetch, tagged with its trigger and outcome.</summary>
public sealed class FetchMetricsTests
{
    [Fact]
    public async Task A_cold_start_fetch_is_counted_as_cold_start_success()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success");
    }

    [Fact]
    public async Task A_failed_cold_start_fetch_is_counted_as_cold_start_failure()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable);

        // Act
        await host.StatusOfAsync(host.ValidToken());

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/failure");
    }

    [Fact]
    public async Task A_fetch_for_an_unknown_kid_is_counted_as_unknown_kid_success()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();

        // Act
        await host.AssertAcceptedAsync(host.TokenSignedBy(host.Issuer.Publish(TestSigningKey.Create())));

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "unknown_kid/success");
    }

    [Fact]
    public async Task A_due_refresh_is_counted_as_interval_success()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();

        // Act
        await host.RefreshInBackgroundAsync();

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/success");
    }

    [Fact]
    public async Task A_failed_due_refresh_is_counted_as_interval_failure()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        host.Issuer.Mode = JwksMode.Unavailable;

        // Act
        await host.RefreshInBackgroundAsync();

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/failure");
    }
}
