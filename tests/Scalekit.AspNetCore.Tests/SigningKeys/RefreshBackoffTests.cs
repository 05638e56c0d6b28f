using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>While the issuer fails, a refresh is retried after an exponential back-off, not on every request.</summary>
public sealed class RefreshBackoffTests
{
    [Fact]
    public async Task Requests_during_the_backoff_after_a_failed_refresh_do_not_fetch()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        await FailARefreshAsync(host);

        // Act
        var fetches = await host.FetchesAfterRequestAtAsync(SigningKeyTimings.MinRetryDelay - S(1));

        // Assert
        fetches.Should().Be(2);
    }

    [Fact]
    public async Task A_failed_refresh_is_retried_by_the_first_request_after_the_backoff()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        await FailARefreshAsync(host);

        // Act
        var fetches = await host.FetchesAfterRequestAtAsync(SigningKeyTimings.MinRetryDelay);

        // Assert
        fetches.Should().Be(3);
    }

    [Fact]
    public async Task The_backoff_doubles_after_each_failure_up_to_the_maximum()
    {
        // Arrange: the first failure waits 10 s, then 20 s, then 40 s, which is the maximum.
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        await FailARefreshAsync(host);
        TimeSpan[] steps = [S(9), S(1), S(19), S(1), S(39), S(1), S(39), S(1)];

        // Act
        var fetches = new List<int>();
        foreach (var step in steps)
        {
            fetches.Add(await host.FetchesAfterRequestAtAsync(step));
        }

        // Assert
        fetches.Should().Equal(2, 3, 3, 4, 4, 5, 5, 6);
    }

    [Fact]
    public async Task Once_the_issuer_recovers_the_retried_refresh_brings_the_current_keys()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        await FailARefreshAsync(host);
        var newKey = host.Issuer.Publish(TestSigningKey.Create());
        host.Issuer.Mode = JwksMode.Serve;

        // Act: the primary key stays published, so that the request starting the refresh passes however fast the
        // refresh is (a key retired by the refresh it starts could refuse it)
        host.Time.Advance(SigningKeyTimings.MinRetryDelay);
        await host.AssertAcceptedAsync();
        await host.Fetches.WaitForAsync(3);

        // Assert
        host.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/failure", "interval/success");
        await host.AssertAcceptedAsync(host.TokenSignedBy(newKey));
        host.Issuer.FetchCount.Should().Be(3);
    }

    private static TimeSpan S(int seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>The issuer goes down and the due refresh fails: the back-off has just begun.</summary>
    private static async Task FailARefreshAsync(SigningKeysHost host)
    {
        host.Issuer.Mode = JwksMode.Unavailable;
        await host.RefreshInBackgroundAsync();
        host.Issuer.FetchCount.Should().Be(2);
    }
}
