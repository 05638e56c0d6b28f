using System.Net;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Handler;

/// <summary>Many callers, one token request.</summary>
public sealed class SingleFlightTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task A_hundred_concurrent_callers_share_one_token_request()
    {
        // Arrange: the token endpoint holds its answer until every caller is waiting
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        var release = environment.Proxy.HoldTokenRequests();
        var arrived = environment.Proxy.NextTokenRequest();

        // Act
        var calls = Enumerable.Range(0, 100).Select(_ => client.GetAsync("api/deployments")).ToArray();
        await arrived;
        release();
        var responses = await Task.WhenAll(calls);

        // Assert
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task When_the_shared_token_request_fails_every_waiting_caller_gets_the_error_and_the_next_call_asks_again()
    {
        // Arrange: the first token request is refused (400 is final, not retried)
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();
        environment.Proxy.FailNextTokenRequests(HttpStatusCode.BadRequest);
        var release = environment.Proxy.HoldTokenRequests();
        var arrived = environment.Proxy.NextTokenRequest();

        // Act
        var calls = Enumerable.Range(0, 10).Select(_ => client.GetAsync("api/deployments")).ToArray();
        await arrived;
        release();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                (await c).Dispose();
                return null;
            }
            catch (ScalekitTokenException ex)
            {
                return ex;
            }
        }));
        using var next = await client.GetAsync("api/deployments");

        // Assert
        outcomes.Should().OnlyContain(e => e != null && e.StatusCode == HttpStatusCode.BadRequest);
        next.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
    }
}
