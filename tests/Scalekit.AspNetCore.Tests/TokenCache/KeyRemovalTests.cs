using System.Net;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.AspNetCore.Tests.SigningKeys;

namespace Scalekit.AspNetCore.Tests.TokenCache;

/// <summary>
/// A cached entry counts only while the JWKS still publishes the key that verified the token: once a refresh finds the
/// key gone (or other material under its <c>kid</c>), the token is validated in full again and refused.
/// </summary>
public sealed class KeyRemovalTests
{
    [Fact]
    public async Task A_cached_token_is_refused_once_a_refresh_finds_its_key_retired()
    {
        // Arrange: cache a token, rotate, and let a token of the new key bring the new JWKS in
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();
        await host.SendAsync(token);
        await host.RotateAsync();

        // Act: its kid is unknown now, a moment after the rotation's fetch: it waits for the next one
        using var response = await host.Host.AfterTheCooldownAsync(() => host.Host.GetAsync(token));

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.SigningKeyNotFound);
    }

    [Fact]
    public async Task A_cached_token_is_refused_once_its_kid_is_published_with_other_key_material()
    {
        // Arrange: the kid stays, the key behind it changes
        await using var host = await TokenCacheHost.StartAsync();
        var issuer = host.Host.Issuer;
        var token = host.Host.ValidToken();
        await host.SendAsync(token);
        issuer.Retire(issuer.PrimaryKey);
        issuer.Publish(TestSigningKey.Create(issuer.PrimaryKey.Kid));
        var other = issuer.Publish(TestSigningKey.Create());
        await host.SendAsync(host.Host.TokenSignedBy(other));

        // Act
        using var response = await host.Host.GetAsync(token);

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidSignature);
    }

    [Fact]
    public async Task A_cached_token_stays_cached_across_a_refresh_that_keeps_its_key()
    {
        // Arrange: a new key is published beside the old one
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();
        await host.SendAsync(token);
        var newKey = host.Host.Issuer.Publish(TestSigningKey.Create());
        await host.SendAsync(host.Host.TokenSignedBy(newKey));
        var checks = host.SignatureChecks;

        // Act
        var status = await host.SendAsync(token);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.SignatureChecks.Should().Be(checks);
        host.Host.Issuer.FetchCount.Should().Be(2);
    }

    [Fact]
    public async Task A_cache_hit_starts_the_key_refresh_when_it_is_due()
    {
        // Arrange: every request is answered from the cache; the keys age past the refresh interval
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();
        await host.SendAsync(token);
        host.Host.Time.Advance(SigningKeyTimings.RefreshInterval);

        // Act
        var status = await host.SendAsync(token);
        await host.Host.Fetches.WaitForAsync(2);

        // Assert
        status.Should().Be(HttpStatusCode.OK);
        host.CacheTags.Should().Equal("miss", "hit");
        host.Host.Fetches.Outcomes.Should().Equal("cold_start/success", "interval/success");
    }

    [Fact]
    public async Task A_key_retired_at_a_background_refresh_invalidates_the_tokens_it_validated()
    {
        // Arrange: the refresh is started by a cache hit and finishes in the background
        await using var host = await TokenCacheHost.StartAsync();
        var token = host.Host.ValidToken();
        await host.SendAsync(token);
        host.Host.Issuer.Publish(TestSigningKey.Create());
        host.Host.Issuer.Retire(host.Host.Issuer.PrimaryKey);
        host.Host.Time.Advance(SigningKeyTimings.RefreshInterval);
        await host.SendAsync(token);
        await host.Host.Fetches.WaitForAsync(2);

        // Act
        var status = await host.SendAsync(token);

        // Assert
        status.Should().Be(HttpStatusCode.Unauthorized);
    }
}
