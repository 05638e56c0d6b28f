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
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        (await client.GetAsync("api/deployments")).Dispose();
        var refused = environment.Api.Requests.Last().BearerToken!;
        environment.Api.Refuse(refused);

        // Act
        using var response = await client.GetAsync("api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
        var lastTwo = environment.Api.Requests.TakeLast(2).Select(r => r.BearerToken).ToArray();
        lastTwo[0].Should().Be(refused);
        lastTwo[1].Should().NotBe(refused);
    }

    [Fact]
    public async Task A_request_refused_again_with_the_new_token_returns_the_401_without_a_third_try()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        environment.Api.RefuseEveryTokenWith = ProtectedApi.InvalidTokenChallenge;
        var before = environment.Api.Requests.Count;

        try
        {
            // Act
            using var response = await client.GetAsync("api/deployments");

            // Assert
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (environment.Api.Requests.Count - before).Should().Be(2);
            environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
        }
        finally
        {
            environment.Api.RefuseEveryTokenWith = null;
        }
    }

    [Fact]
    public async Task A_401_with_another_error_is_returned_as_it_is()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        environment.Api.RefuseEveryTokenWith = "Bearer error=\"invalid_request\", error_description=\"Two tokens\"";
        var before = environment.Api.Requests.Count;

        try
        {
            // Act
            using var response = await client.GetAsync("api/deployments");

            // Assert
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (environment.Api.Requests.Count - before).Should().Be(1);
            environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
        }
        finally
        {
            environment.Api.RefuseEveryTokenWith = null;
        }
    }

    [Fact]
    public async Task A_body_that_can_be_read_only_once_is_sent_again_whole()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        (await client.GetAsync("api/deployments")).Dispose();
        environment.Api.Refuse(environment.Api.Requests.Last().BearerToken!);
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
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, o => o.BufferRequestContent = false);
        var client = services.CreateClient();
        (await client.GetAsync("api/deployments")).Dispose();
        environment.Api.Refuse(environment.Api.Requests.Last().BearerToken!);

        // Act
        using var response = await client.PostAsync("api/echo", new StreamContent(new OneShotStream("{}"u8.ToArray())));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        environment.Api.Requests.Count(r => r.Path == "/api/echo").Should().Be(1);
    }
}
