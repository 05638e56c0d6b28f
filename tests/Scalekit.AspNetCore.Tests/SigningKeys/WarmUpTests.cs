using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Keys are fetched as the host starts (<c>Keys:WarmUp</c>), retried with the cache's back-off, without delaying the
/// start unless <c>Keys:StartupWait</c> says so. The other key-cache tests start with it off (see <see cref="ApiHost"/>).
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public void Warm_up_is_on_by_default_and_does_not_delay_the_start()
    {
        // Arrange
        var keys = new ScalekitKeyCacheOptions();

        // Assert
        keys.WarmUp.Should().BeTrue();
        keys.StartupWait.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public async Task The_keys_are_fetched_at_start_up_before_any_request()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(configure: o => o.Keys.WarmUp = true);

        // Act: the recorder may start listening after the warm-up's fetch was counted, so the cache is watched.
        await SigningKeysHost.UntilAsync(() => host.Keys.Current is not null);
        await host.AssertAcceptedAsync();

        // Assert
        host.Issuer.FetchCount.Should().Be(1, "the request is served with the keys the warm-up cached");
    }

    [Fact]
    public async Task Stopping_the_warm_up_after_it_was_disposed_does_nothing()
    {
        // Arrange: a host stopped after its services were disposed, as WebApplicationFactory may do
        await using var host = await SigningKeysHost.StartAsync(configure: o => o.Keys.WarmUp = true);
        var warmUp = host.Api.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SigningKeyWarmUp>().Single();
        warmUp.Dispose();

        // Act
        var stop = () => warmUp.StopAsync(CancellationToken.None);

        // Assert
        await stop.Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_failing_issuer_is_retried_after_the_backoff_until_the_keys_are_cached()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unavailable, o => o.Keys.WarmUp = true);
        await SigningKeysHost.UntilAsync(() => host.Keys.Status().Failures == 1);

        // Act
        host.Issuer.Mode = JwksMode.Serve;
        host.Time.Advance(SigningKeyTimings.MinRetryDelay);
        await SigningKeysHost.UntilAsync(() => host.Keys.Current is not null);

        // Assert
        host.Issuer.FetchCount.Should().Be(2, "one failed attempt, then one after the back-off");
        host.Keys.Status().Failures.Should().Be(0);
    }

    [Fact]
    public async Task The_start_is_not_delayed_by_an_issuer_that_does_not_answer()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Hang, o => o.Keys.WarmUp = true);

        // Assert: the host started although the warm-up fetch hangs.
        host.Keys.Current.Should().BeNull();
    }

    [Fact]
    public async Task With_a_startup_wait_the_host_starts_with_the_keys_cached()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(configure: o =>
        {
            o.Keys.WarmUp = true;
            o.Keys.StartupWait = TimeSpan.FromSeconds(5);
        });

        // Assert
        host.Keys.Current.Should().NotBeNull();
        host.Issuer.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task A_startup_wait_that_runs_out_lets_the_host_start_and_logs_that_the_warm_up_is_pending()
    {
        // Arrange
        await using var issuer = await JwksServer.StartAsync();
        issuer.Mode = JwksMode.Hang;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var arrived = issuer.NextFetch();
        var starting = ApiHost.StartAsync(
            issuer,
            o =>
            {
                SigningKeyTimings.Apply(o.Keys);
                o.Keys.WarmUp = true;
                o.Keys.StartupWait = TimeSpan.FromSeconds(2);
            },
            time,
            SigningKeyLogs.Capture);
        await arrived.Bounded();
        starting.IsCompleted.Should().BeFalse("the start waits for the warm-up");

        // Act: the clock moves on in steps until the start gives up waiting.
        await SigningKeysHost.UntilAsync(() =>
        {
            if (!starting.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }

            return starting.IsCompleted;
        });
        await using var api = await starting;

        // Assert
        var pending = api.Services.GetRequiredService<FakeLogCollector>().GetSnapshot()
            .Where(r => r.Id.Name == "SigningKeysWarmUpPending").Should().ContainSingle().Subject;
        pending.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Warning);
        api.Services.GetRequiredService<ScalekitCacheRegistry>().Get(ScalekitApiAuthDefaults.AuthenticationScheme).Keys.Current.Should().BeNull();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(31)]
    public void A_startup_wait_outside_0_to_30_seconds_is_refused(int seconds)
    {
        // Arrange
        var options = new ScalekitApiAuthOptions { EnvironmentUrl = "https://acme.scalekit.dev", Audiences = { "api" } };
        options.Keys.StartupWait = TimeSpan.FromSeconds(seconds);

        // Act
        var result = new ScalekitApiAuthOptionsValidator().Validate(null, options);

        // Assert
        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Scalekit:Keys:StartupWait");
    }
}
