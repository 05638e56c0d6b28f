using System.Net;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Resilience;

/// <summary>
/// The token endpoint's transient failures are retried with backoff; refusals are final. The retry delay's base is a
/// few milliseconds here (the production default is 1 s), so the backoff runs for real without slowing the tests.
/// </summary>
public sealed class TokenRetryTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task Two_503s_from_the_token_endpoint_are_retried_and_the_call_succeeds()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        environment.Proxy.FailNextTokenRequests(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);

        // Act
        using var response = await services.CreateClient().GetAsync("api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(3);
        services.Logs.GetSnapshot().Where(r => r.Id.Name == "TokenRequestRetrying").Select(r => r.Message)
            .Should().SatisfyRespectively(
                first => first.Should().Contain("503").And.Contain("retry 1"),
                second => second.Should().Contain("503").And.Contain("retry 2"));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData((HttpStatusCode)0)] // the connection drops
    public async Task A_transient_failure_of_the_token_endpoint_is_retried(HttpStatusCode failure)
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        environment.Proxy.FailNextTokenRequests(failure);

        // Act
        var token = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        token.Value.Should().NotBeNullOrEmpty();
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
    }

    [Fact]
    public async Task A_token_endpoint_that_keeps_failing_raises_after_the_last_retry()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, o => o.TokenRequest.MaxRetryAttempts = 2);
        environment.Proxy.FailNextTokenRequests(HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable);

        // Act
        var act = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitTokenException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.Error.Should().BeNull();
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(3);
    }

    [Fact]
    public async Task Invalid_client_is_never_retried()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials with { Secret = "revoked-or-mistyped" });

        // Act
        var act = () => services.CreateClient().GetAsync("api/deployments");

        // Assert
        (await act.Should().ThrowAsync<ScalekitTokenException>()).Which.Error.Should().Be("invalid_client");
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }

    [Fact]
    public async Task A_redirect_from_the_token_endpoint_is_not_followed_and_says_where_to_point()
    {
        // Arrange: following it would post the client secret to another address
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        environment.Proxy.FailNextTokenRequests(HttpStatusCode.TemporaryRedirect);

        // Act
        var act = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitTokenException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect, "a followed redirect would end in the emulator's 404");
        error.Message.Should().Contain("redirect").And.Contain("SCALEKIT_ENVIRONMENT_URL");
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }
}
