using System.Net;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Tests.Handler;

/// <summary>Which 401 answers a new token can fix (RFC 6750 §3).</summary>
public sealed class BearerChallengeTests
{
    [Theory]
    [InlineData("Bearer error=\"invalid_token\", error_description=\"The access token expired\"")]
    [InlineData("Bearer realm=\"api\", error=\"invalid_token\"")]
    [InlineData("bearer error=invalid_token")]
    [InlineData("Bearer")]
    [InlineData("Bearer realm=\"api\"")]
    public void A_401_whose_Bearer_challenge_says_invalid_token_or_names_no_error_asks_for_a_new_token(string challenge)
    {
        // Arrange
        using var response = Unauthorized(challenge);

        // Act
        var asks = BearerChallengeReader.AsksForNewToken(response);

        // Assert
        asks.Should().BeTrue();
    }

    [Theory]
    [InlineData("Bearer error=\"invalid_request\"")]
    [InlineData("Bearer error=\"insufficient_scope\", scope=\"deploy:applications\"")]
    [InlineData("Bearer error=\"invalid_request\", error_description=\"not error=invalid_token\"")]
    [InlineData("Basic realm=\"api\"")]
    [InlineData(null)]
    public void A_401_with_another_error_another_scheme_or_no_challenge_does_not(string? challenge)
    {
        // Arrange
        using var response = Unauthorized(challenge);

        // Act
        var asks = BearerChallengeReader.AsksForNewToken(response);

        // Assert
        asks.Should().BeFalse();
    }

    [Fact]
    public void A_403_never_asks_for_a_new_token()
    {
        // Arrange
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer error=\"invalid_token\"");

        // Act
        var asks = BearerChallengeReader.AsksForNewToken(response);

        // Assert
        asks.Should().BeFalse();
    }

    [Theory]
    [InlineData("Bearer error=\"invalid_token\", error_description=\"The audience 'billing-api' is invalid\"", "invalid_token", "The audience 'billing-api' is invalid")]
    [InlineData("Bearer error_description=\"Token \\\"x\\\" unknown\", error=invalid_token", "invalid_token", "Token \"x\" unknown")]
    [InlineData("Bearer error=invalid_token, error_description=expired", "invalid_token", "expired")]
    [InlineData("Bearer error=\"invalid_token\"", "invalid_token", null)]
    [InlineData("Bearer realm=\"api\"", "no error", null)]
    public void The_challenge_gives_its_error_and_description(string challenge, string reason, string? description)
    {
        // Arrange
        using var response = Unauthorized(challenge);

        // Act
        var read = BearerChallengeReader.Read(response);

        // Assert
        read.Should().Be(new BearerChallenge(reason, description));
    }

    [Fact]
    public void A_description_is_clipped_and_never_repeats_the_token_that_was_sent()
    {
        // Arrange: an API that echoes the token, then pads its description
        const string Token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtMm0ifQ.c2lnbmF0dXJl";
        using var response = Unauthorized($"Bearer error=\"invalid_token\", error_description=\"Token {Token} refused {new string('x', 400)}\"");

        // Act
        var read = BearerChallengeReader.Read(response, Token);

        // Assert
        read!.Description.Should().StartWith("Token [token] refused xxx").And.EndWith("…").And.NotContain(Token);
        read.Description!.Length.Should().Be(BearerChallengeReader.MaxDescriptionLength + 1);
    }

    private static HttpResponseMessage Unauthorized(string? challenge)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        if (challenge is not null)
        {
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        }

        return response;
    }
}
