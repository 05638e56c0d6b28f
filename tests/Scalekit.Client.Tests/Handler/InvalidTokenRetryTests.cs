using System.Net;
using System.Text;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Handler;

/// <summary>401 <c>invalid_token</c> from the API: a new token, and the request once more.</summary>
public sealed class InvalidTokenRetryTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task A_token_the_API_refuses_is_replaced_and_the_request_sent_once_more()
    {
        // Arrange: a first call caches a token, then the API stops accepting it
        var (services, client, refused) = await CachedTokenThatTheApiRefusesAsync();
        await using var _ = services;

        // Act
        using var response = await client.GetAsync("api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(services.ClientId).Should().Be(2);
        environment.Api.Requests.TakeLast(2).Select(r => r.BearerToken).Should().SatisfyRespectively(
            first => first.Should().Be(refused),
            second => second.Should().NotBe(refused));
    }

    [Fact]
    public async Task A_request_refused_again_with_the_new_token_returns_the_401_without_a_third_try()
    {
        // Act
        var outcome = await CallWhileTheApiRefusesEveryTokenWithAsync(ProtectedApi.InvalidTokenChallenge);

        // Assert
        outcome.Should().Be((HttpStatusCode.Unauthorized, 2, 2), "one request with the cached token, one with the new token; two token requests");
    }

    [Fact]
    public async Task A_401_with_another_error_is_returned_as_it_is()
    {
        // Act
        var outcome = await CallWhileTheApiRefusesEveryTokenWithAsync("Bearer error=\"invalid_request\", error_description=\"Two tokens\"");

        // Assert
        outcome.Should().Be((HttpStatusCode.Unauthorized, 1, 1), "no second request and no new token");
    }

    [Fact]
    public async Task A_body_that_can_be_read_only_once_is_sent_again_whole()
    {
        // Arrange
        var (services, client, _) = await CachedTokenThatTheApiRefusesAsync();
        await using var __ = services;
        const string Body = "{\"application\":\"inventory-service\",\"version\":\"1.4.2\"}";

        // Act
        using var response = await client.PostAsync("api/echo", new StreamContent(new OneShotStream(Encoding.UTF8.GetBytes(Body))));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(Body);
        environment.Api.Requests.TakeLast(2).Should().OnlyContain(r => r.Path == "/api/echo" && r.Body == Body);
    }

    [Fact]
    public async Task With_buffering_off_a_request_with_a_body_is_not_sent_again()
    {
        // Arrange
        var (services, client, _) = await CachedTokenThatTheApiRefusesAsync(o => o.BufferRequestContent = false);
        await using var __ = services;

        var before = EchoRequests();

        // Act
        using var response = await client.PostAsync("api/echo", new StreamContent(new OneShotStream("{}"u8.ToArray())));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (EchoRequests() - before).Should().Be(1, "the refused request is not sent again");
    }

    [Fact]
    public async Task A_body_larger_than_the_buffer_limit_is_not_sent_again()
    {
        // Arrange
        var (services, client, _) = await CachedTokenThatTheApiRefusesAsync(o => o.MaxBufferedRequestSize = 8);
        await using var __ = services;

        var before = EchoRequests();

        // Act
        using var response = await client.PostAsync("api/echo", new StringContent("{\"application\":\"inventory-service\"}"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (EchoRequests() - before).Should().Be(1, "the refused request is not sent again");
    }

    /// <summary>How many /api/echo requests the shared API has seen (other tests of the class post there too).</summary>
    private int EchoRequests() => environment.Api.Requests.Count(r => r.Path == "/api/echo");

    /// <summary>A fresh client whose first call cached a token that the API refuses from now on.</summary>
    private async Task<(ClientServices Services, HttpClient Client, string Refused)> CachedTokenThatTheApiRefusesAsync(
        Action<ScalekitClientCredentialsOptions>? configure = null)
    {
        var services = ClientServices.Create(environment, await environment.RegisterClientAsync(), configure);
        var client = services.CreateClient();
        (await client.GetAsync("api/deployments")).Dispose();
        var refused = environment.Api.Requests.Last().BearerToken!;
        environment.Api.Refuse(refused);
        return (services, client, refused);
    }

    /// <summary>One call of a fresh client while the API answers every token with 401 and <paramref name="challenge"/>.</summary>
    private async Task<(HttpStatusCode Status, int ApiRequests, int TokenRequests)> CallWhileTheApiRefusesEveryTokenWithAsync(string challenge)
    {
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var before = environment.Api.Requests.Count;
        environment.Api.RefuseEveryTokenWith = challenge;
        try
        {
            using var response = await services.CreateClient().GetAsync("api/deployments");
            return (response.StatusCode, environment.Api.Requests.Count - before, environment.Proxy.TokenRequestsFor(credentials.ClientId));
        }
        finally
        {
            environment.Api.RefuseEveryTokenWith = null;
        }
    }
}
