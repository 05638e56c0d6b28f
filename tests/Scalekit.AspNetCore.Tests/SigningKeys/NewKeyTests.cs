using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>A key published after the cache was filled passes on the first request that carries it.</summary>
public sealed class NewKeyTests
{
    [Fact]
    public async Task A_key_published_moments_after_the_cold_start_fetch_is_accepted_on_its_first_request()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
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
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
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
        await using var host = await SigningKeysHost.StartAsync();
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

    [Fact]
    public async Task A_key_published_just_after_fifty_unknown_kid_probes_is_accepted_on_its_first_request()
    {
        // Arrange: fifty probes with random kids, the first fetching at once and the others at the cooldown's end
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        var probes = Enumerable.Range(0, 50).Select(i => host.StatusOfAsync(host.UnknownKidToken($"snk_probe_{i}"))).ToList();
        await SigningKeysHost.UntilAsync(() => probes.Count(p => p.IsCompleted) + host.Keys.UnknownKeyWaiters == 50);
        host.Time.Advance(SigningKeyTimings.UnknownKeyCooldown);
        (await Task.WhenAll(probes)).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        var newKey = host.Issuer.Publish(TestSigningKey.Create());

        // Act: the probes' fetch has just run, so the first request of the new key waits one cooldown at most
        var status = await host.AfterTheCooldownAsync(() => host.StatusOfAsync(host.TokenSignedBy(newKey)));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Two_rotations_two_seconds_apart_are_both_accepted()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        var first = host.Issuer.Publish(TestSigningKey.Create());
        (await host.StatusOfAsync(host.TokenSignedBy(first))).Should().Be(HttpStatusCode.OK);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        var second = host.Issuer.Publish(TestSigningKey.Create());

        // Act
        var status = await host.AfterTheCooldownAsync(() => host.StatusOfAsync(host.TokenSignedBy(second)));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.Issuer.FetchCount.Should().Be(3, "the cold start and one fetch for each new key");
    }
}
