using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>A refresh that fails, however it fails, keeps the last good keys serving.</summary>
public sealed class RefreshOutageTests
{
    [Theory]
    [MemberData(nameof(IssuerFailures.All), MemberType = typeof(IssuerFailures))]
    public async Task Cached_keys_keep_serving_after_a_due_refresh_failed(JwksMode answer)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        host.Issuer.Mode = answer;

        // Act
        await host.RefreshInBackgroundAsync();

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/failure");
        await host.AssertAcceptedAsync();
    }

    [Theory]
    [MemberData(nameof(IssuerFailures.All), MemberType = typeof(IssuerFailures))]
    public async Task A_failed_unknown_kid_fetch_keeps_the_cached_keys(JwksMode answer)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        host.Issuer.Mode = answer;

        // Act
        await host.StatusWithFetchAsync(host.UnknownKidToken());

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "unknown_kid/failure");
        await host.AssertAcceptedAsync();
    }
}
