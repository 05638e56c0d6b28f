using System.Diagnostics.Metrics;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>The cache on its own, where the order of callers and fetches can be fixed exactly.</summary>
public sealed class SigningKeyCacheTests
{
    [Fact]
    public async Task Fifty_callers_on_a_cold_cache_all_join_one_fetch()
    {
        // Arrange
        await using var subject = await CacheUnderTest.StartAsync();

        // Act: each call has started or joined the fetch by the time it returns, before the fetch is answered.
        var results = await subject.Issuer.CallersDuringAHeldFetchAsync(50, () => subject.PrepareAsync(subject.PrimaryKid));

        // Assert
        results.Should().AllSatisfy(wait => wait.Should().BeNull());
        subject.Issuer.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task A_caller_giving_up_stops_waiting_without_cancelling_the_fetch_others_wait_for()
    {
        // Arrange
        await using var subject = await CacheUnderTest.StartAsync();
        var hold = subject.Issuer.HoldResponses();
        var arrived = subject.Issuer.NextFetch();
        using var impatient = new CancellationTokenSource();
        var leaving = subject.PrepareAsync(subject.PrimaryKid, impatient.Token);
        var staying = subject.PrepareAsync(subject.PrimaryKid);
        await arrived.Bounded();

        // Act
        await impatient.CancelAsync();
        await leaving.Bounded(); // returns while the fetch is still held: no exception for a request that went away
        hold.Release();

        // Assert
        (await staying.Bounded()).Should().BeNull();
        subject.Cache.Find(subject.PrimaryKid, SecurityAlgorithms.RsaSha256).Should().ContainSingle();
    }

    [Fact]
    public async Task A_known_kid_with_fresh_keys_is_prepared_without_waiting()
    {
        // Arrange
        await using var subject = await CacheUnderTest.StartAsync();
        await subject.PrepareAsync(subject.PrimaryKid).Bounded();

        // Act
        var prepared = subject.Cache.PrepareAsync(subject.PrimaryKid, CancellationToken.None);

        // Assert
        prepared.IsCompletedSuccessfully.Should().BeTrue();
        (await prepared).Should().BeNull();
    }

    [Fact]
    public async Task A_kid_missing_from_the_answer_of_a_refresh_it_joined_gets_a_fetch_of_its_own()
    {
        // Arrange: a due refresh is in flight, already answered with the keys of before the new one was published.
        await using var subject = await CacheUnderTest.StartAsync();
        await subject.PrepareAsync(subject.PrimaryKid).Bounded();
        subject.Time.Advance(SigningKeyTimings.RefreshInterval);
        var hold = subject.Issuer.HoldResponses();
        var arrived = subject.Issuer.NextFetch();
        await subject.PrepareAsync(subject.PrimaryKid).Bounded();
        await arrived.Bounded();
        var newKey = subject.Issuer.Publish(TestSigningKey.Create());

        // Act
        var preparing = subject.PrepareAsync(newKey.Kid);
        hold.Release();
        await preparing.Bounded();

        // Assert
        subject.Cache.Find(newKey.Kid, SecurityAlgorithms.RsaSha256).Should().ContainSingle();
    }

    [Fact]
    public async Task A_fetch_is_counted_only_once_the_cache_can_start_the_next_one()
    {
        // Arrange: the moment the cold-start fetch is counted, the keys turn stale and a caller arrives.
        await using var subject = await CacheUnderTest.StartAsync();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == subject.Meters && instrument.Name == ScalekitApiAuthDefaults.JwksFetchesMetricName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        var counted = 0;
        listener.SetMeasurementEventCallback<long>((_, _, _, _) =>
        {
            if (Interlocked.Increment(ref counted) == 1)
            {
                subject.Time.Advance(SigningKeyTimings.RefreshInterval);
                _ = subject.Cache.PrepareAsync(subject.PrimaryKid, CancellationToken.None);
            }
        });
        listener.Start();

        // Act
        await subject.PrepareAsync(subject.PrimaryKid).Bounded();

        // Assert: that caller's refresh was started, rather than joined to the fetch just counted.
        await subject.Fetches.WaitForAsync(2);
        subject.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/success");
    }

    [Fact]
    public async Task A_request_waiting_for_the_fetch_at_the_end_of_the_cooldown_stops_waiting_when_cancelled()
    {
        // Arrange: an unknown kid has just been fetched for, so the next one waits for the end of the cooldown
        await using var subject = await CacheUnderTest.StartAsync();
        await subject.PrepareAsync("snk_unknown_1").Bounded();
        using var request = new CancellationTokenSource();
        var waiting = subject.PrepareAsync("snk_unknown_2", request.Token);
        await SigningKeysHost.UntilAsync(() => subject.Cache.UnknownKeyWaiters == 1);

        // Act
        await request.CancelAsync();

        // Assert
        (await waiting.Bounded()).Should().BeNull();
        subject.Cache.UnknownKeyWaiters.Should().Be(0);
        subject.Issuer.FetchCount.Should().Be(2, "the cold start and the first unknown kid; the cancelled wait fetches nothing by itself");
    }

    [Theory]
    [InlineData(@"snk_1\r\nforged line", "snk_1??forged line")]
    [InlineData(@"snk_1\u2028forged", "snk_1?forged")]        // line separator
    [InlineData(@"snk_1\u202Edesrever", "snk_1?desrever")]    // right-to-left override
    [InlineData(@"snk_1\ud800", "snk_1?")]                    // a lone surrogate
    public void A_kid_shown_in_a_log_line_cannot_forge_or_hide_text(string escapedKid, string shown)
    {
        // Arrange: written escaped, since a lone surrogate does not survive an attribute argument
        var kid = System.Text.RegularExpressions.Regex.Unescape(escapedKid);

        // Act
        var logged = SigningKeyCache.Truncate(kid);

        // Assert
        logged.Should().Be(shown);
    }

    [Fact]
    public void A_long_kid_shown_in_a_log_line_is_cut_at_64_characters_without_half_a_surrogate_pair()
    {
        // Arrange: an emoji (a surrogate pair) across the 64th character
        var kid = new string('a', 63) + "\U0001F600" + "tail";

        // Act
        var logged = SigningKeyCache.Truncate(kid);

        // Assert
        logged.Should().Be(new string('a', 63) + "?…");
    }
}
