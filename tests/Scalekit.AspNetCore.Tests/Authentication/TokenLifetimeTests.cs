using System.Net;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary><c>exp</c> and <c>nbf</c>, with the default clock skew of 30 seconds.</summary>
public sealed class TokenLifetimeTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Theory]
    [InlineData("expired", TokenErrors.Expired)]
    [InlineData("not yet valid", TokenErrors.NotYetValid)]
    [InlineData("no expiry", TokenErrors.NoExpiration)]
    public async Task A_token_outside_its_lifetime_or_without_one_is_refused(string name, string description)
    {
        // Arrange: exp an hour ago, nbf ten minutes ahead, or no exp at all
        var token = HostileTokens.Named(fixture.Issuer, name);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(description);
    }

    [Theory]
    [InlineData(-3600, -10)] // expired 10 s ago
    [InlineData(10, 3600)] // valid from 10 s from now
    public async Task A_token_within_the_clock_skew_of_its_lifetime_is_accepted(int notBeforeFromNowSeconds, int expiresFromNowSeconds)
    {
        // Arrange: 20 s inside the 30 s skew, on one edge or the other
        var token = fixture.Issuer.TokenWith(p => p.SetLifetime(
            issuedAgo: TimeSpan.FromHours(1),
            notBeforeFromNow: TimeSpan.FromSeconds(notBeforeFromNowSeconds),
            expiresFromNow: TimeSpan.FromSeconds(expiresFromNowSeconds)));

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
