using System.Net.Http.Headers;

namespace Scalekit.AspNetCore.Testing.Tests;

public sealed class ScalekitHttpClientExtensionsTests
{
    [Fact]
    public void WithScalekitToken_sends_the_token_as_bearer_on_every_request_of_the_client()
    {
        // Arrange
        using var client = new HttpClient();

        // Act
        var returned = client.WithScalekitToken("header.payload.signature");

        // Assert
        returned.Should().BeSameAs(client);
        client.DefaultRequestHeaders.Authorization.Should().Be(new AuthenticationHeaderValue("Bearer", "header.payload.signature"));
    }

    [Fact]
    public void WithScalekitToken_on_a_request_sets_that_request_only()
    {
        // Arrange
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");

        // Act
        var returned = request.WithScalekitToken("header.payload.signature");

        // Assert
        returned.Should().BeSameAs(request);
        request.Headers.Authorization.Should().Be(new AuthenticationHeaderValue("Bearer", "header.payload.signature"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void A_blank_token_is_refused(string token)
    {
        // Arrange
        using var client = new HttpClient();

        // Act
        var set = () => client.WithScalekitToken(token);

        // Assert
        set.Should().Throw<ArgumentException>();
    }
}
