using System.Net;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Tokens naming random key ids cost at most one JWKS fetch per <c>Keys.UnknownKeyCooldown</c>: one at once, then one
/// at the end of the cooldown for every request that arrived during it, up to <c>Keys.MaxUnknownKeyWaiters</c> waiting.
/// </summary>
public sealed class UnknownKeyFloodTests
{
    private const int Flood = 500;

    [Fact]
    public async Task Five_hundred_parallel_requests_with_random_kids_are_refused_with_at_most_two_fetches()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        host.Issuer.ResetFetchCount();
        var tokens = RandomKidTokens(host, Flood);

        // Act: the first fetches at once; the others join it or wait for the cooldown's end
        var requests = tokens.Select(host.GetAsync).ToList();
        await SigningKeysHost.UntilAsync(() => requests.Count(r => r.IsCompleted) + host.Keys.UnknownKeyWaiters == Flood);
        var waited = host.Keys.UnknownKeyWaiters;
        host.Time.Advance(SigningKeyTimings.UnknownKeyCooldown);
        var responses = await Task.WhenAll(requests);

        // Assert
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Issuer.FetchCount.Should().BeLessThanOrEqualTo(2);
        waited.Should().BeLessThanOrEqualTo(new ScalekitKeyCacheOptions().MaxUnknownKeyWaiters);
        host.Keys.UnknownKeyWaiters.Should().Be(0, "no request is left waiting");
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Requests_with_unknown_kids_during_the_cooldown_share_one_fetch_at_its_end()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        (await host.StatusOfAsync(host.UnknownKidToken("snk_first"))).Should().Be(HttpStatusCode.Unauthorized);
        var fetchesBefore = host.Issuer.FetchCount;

        // Act
        var statuses = RandomKidTokens(host, 20).Select(host.StatusOfAsync).ToList();
        await SigningKeysHost.UntilAsync(() => host.Keys.UnknownKeyWaiters == 20);
        host.Time.Advance(SigningKeyTimings.UnknownKeyCooldown);

        // Assert
        (await Task.WhenAll(statuses)).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Issuer.FetchCount.Should().Be(fetchesBefore + 1);
    }

    [Fact]
    public async Task Once_the_cooldown_has_passed_an_unknown_kid_fetches_at_once()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        (await host.StatusOfAsync(host.UnknownKidToken("snk_first"))).Should().Be(HttpStatusCode.Unauthorized);

        // Act
        host.Time.Advance(SigningKeyTimings.UnknownKeyCooldown);
        var status = await host.StatusOfAsync(host.UnknownKidToken("snk_second"));

        // Assert
        status.Should().Be(HttpStatusCode.Unauthorized);
        host.Issuer.FetchCount.Should().Be(3, "the cold start, the first unknown kid and the second");
    }

    [Fact]
    public async Task An_unknown_kid_just_before_the_cooldown_has_passed_waits_for_its_end()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartWithCachedKeysAsync();
        (await host.StatusOfAsync(host.UnknownKidToken("snk_first"))).Should().Be(HttpStatusCode.Unauthorized);
        host.Time.Advance(SigningKeyTimings.UnknownKeyCooldown - TimeSpan.FromSeconds(1));

        // Act
        var status = host.StatusOfAsync(host.UnknownKidToken("snk_second"));
        await SigningKeysHost.UntilAsync(() => host.Keys.UnknownKeyWaiters == 1);
        var fetchesDuringTheCooldown = host.Issuer.FetchCount;
        host.Time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        (await status.Bounded()).Should().Be(HttpStatusCode.Unauthorized);
        fetchesDuringTheCooldown.Should().Be(2);
        host.Issuer.FetchCount.Should().Be(3);
    }

    [Fact]
    public async Task Requests_beyond_the_waiter_bound_are_refused_at_once()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(configure: o => o.Keys.MaxUnknownKeyWaiters = 3);
        await host.AssertAcceptedAsync();
        (await host.StatusOfAsync(host.UnknownKidToken("snk_first"))).Should().Be(HttpStatusCode.Unauthorized);

        // Act
        var statuses = RandomKidTokens(host, 10).Select(host.StatusOfAsync).ToList();
        await SigningKeysHost.UntilAsync(() => statuses.Count(s => s.IsCompleted) == 7);

        // Assert
        host.Keys.UnknownKeyWaiters.Should().Be(3);
        statuses.Where(s => s.IsCompleted).Select(s => s.Result).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
        host.Time.Advance(SigningKeyTimings.UnknownKeyCooldown);
        (await Task.WhenAll(statuses)).Should().AllBeEquivalentTo(HttpStatusCode.Unauthorized);
    }

    /// <summary>Valid-looking tokens, each naming a fresh random kid, signed by a key the issuer never published.</summary>
    private static List<string> RandomKidTokens(SigningKeysHost host, int count) =>
        Enumerable.Range(0, count).Select(_ => host.UnknownKidToken("snk_" + Guid.NewGuid().ToString("N"))).ToList();
}
