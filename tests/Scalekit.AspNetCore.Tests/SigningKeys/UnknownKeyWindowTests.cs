using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>At most one unknown-kid fetch per cooldown window, whatever else is in flight when the window opens.</summary>
public sealed class UnknownKeyWindowTests
{
    [Fact]
    public async Task An_unknown_kid_arriving_as_the_fetch_awaited_by_the_scheduled_one_finishes_costs_no_second_fetch_in_the_window()
    {
        // Arrange: the cached keys age towards the refresh interval; at t1 an unknown kid fetches at once (and fails,
        // so that the keys keep their age), and 10 s later another one waits for the fetch scheduled at t1 + cooldown.
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        host.Time.Advance(SigningKeyTimings.RefreshInterval - TimeSpan.FromSeconds(28));
        host.Issuer.Mode = JwksMode.Unavailable;
        (await host.StatusOfAsync(host.UnknownKidToken("snk_first"))).Should().Be(HttpStatusCode.Unauthorized);
        host.Issuer.Mode = JwksMode.Serve;
        host.Time.Advance(SigningKeyTimings.MinRetryDelay);
        var waiting = host.StatusOfAsync(host.UnknownKidToken("snk_waiting"));
        await SigningKeysHost.UntilAsync(() => host.Keys.UnknownKeyWaiters == 1);

        // ... the interval refresh starts 2 s before the cooldown ends and is held past it, so that the scheduled
        // fetch, once due, waits for it.
        using var hold = host.Issuer.HoldResponses();
        var arrived = host.Issuer.NextFetch();
        host.Time.Advance(TimeSpan.FromSeconds(18));
        await host.AssertAcceptedAsync();
        await arrived.Bounded();
        host.Time.Advance(TimeSpan.FromSeconds(2)); // the cooldown has ended: the scheduled fetch now waits for the refresh
        await Task.Delay(200);

        // Act: an unknown kid arrives just as the refresh has finished (its metric is recorded after the cache has
        // let go of it, before the scheduled fetch resumes): the cooldown has passed, so it fetches at once.
        Task<TimeSpan?>? racer = null;
        var factory = host.Api.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == ScalekitApiAuthDefaults.JwksFetchesMetricName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "trigger", Value: KeyFetchTrigger.Interval } && racer is null)
                {
                    racer = host.Keys.PrepareAsync("snk_racer", CancellationToken.None).AsTask();
                }
            }
        });
        listener.Start();
        hold.Release();
        (await waiting.Bounded()).Should().Be(HttpStatusCode.Unauthorized);
        racer.Should().NotBeNull();
        await racer!.Bounded();
        await SigningKeysHost.UntilAsync(() => host.Keys.Current is not null && host.Fetches.Count >= 4);
        await Task.Delay(200);

        // Assert: README "Unknown kids cost at most one fetch per Keys:UnknownKeyCooldown": the window that opened at
        // t1 + cooldown allows one; the clock has not moved since.
        host.Fetches.Outcomes.Count(o => o.StartsWith(KeyFetchTrigger.UnknownKey, StringComparison.Ordinal))
            .Should().BeLessThanOrEqualTo(2, $"one at t1 and one when the cooldown ended; fetches: {string.Join(", ", host.Fetches.Outcomes)}");
    }
}
