using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Scalekit.Client.Internal;
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
    public async Task The_API_s_error_description_is_logged_and_reaches_the_caller_s_exception()
    {
        // Arrange: the API refuses every token, as one that expects another audience would
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        environment.Api.RefuseEveryTokenWith = AudienceChallenge;
        try
        {
            // Act
            using var response = await services.CreateClient().GetAsync("api/deployments");
            var thrown = () => response.EnsureSuccessStatusCode();

            // Assert
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().Should().Be(AudienceChallenge, "the challenge reaches the caller untouched");
            thrown.Should().Throw<HttpRequestException>().Which.Message.Should().Contain("invalid_token: " + AudienceDescription);
            var logs = services.Logs.GetSnapshot();
            logs.Should().ContainSingle(l => l.Id.Name == "TokenRejectedByApi").Which.Message.Should().Contain(AudienceDescription);
            var warning = logs.Should().ContainSingle(l => l.Id.Name == "NewTokenRejectedByApi").Subject;
            warning.Level.Should().Be(LogLevel.Warning);
            warning.Message.Should().Contain(AudienceDescription).And.Contain("00:00:05");
            logs.Should().NotContain(l => environment.Api.Requests.Any(r => r.BearerToken != null && l.Message.Contains(r.BearerToken, StringComparison.Ordinal)));
        }
        finally
        {
            environment.Api.RefuseEveryTokenWith = null;
        }
    }

    [Fact]
    public async Task When_new_tokens_are_refused_too_no_token_is_requested_until_the_doubling_pause_ends()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, time: time);
        var client = services.CreateClient();
        int TokenRequests() => environment.Proxy.TokenRequestsFor(credentials.ClientId);
        async Task<HttpStatusCode> CallAsync()
        {
            using var response = await client.GetAsync("api/deployments");
            return response.StatusCode;
        }

        environment.Api.RefuseEveryTokenWith = AudienceChallenge;
        try
        {
            // Act and assert: the first call costs two tokens (the first, and one for the retry), then a 5 s pause
            (await CallAsync()).Should().Be(HttpStatusCode.Unauthorized);
            TokenRequests().Should().Be(2);
            for (var i = 0; i < 5; i++)
            {
                (await CallAsync()).Should().Be(HttpStatusCode.Unauthorized);
            }

            TokenRequests().Should().Be(2, "during the pause the 401 goes back to the caller without a new token");
            services.Logs.GetSnapshot().Should().Contain(l => l.Id.Name == "TokenRefreshPaused" && l.Message.Contains(AudienceDescription, StringComparison.Ordinal));

            time.Advance(ApiRefusalBackoff.First);
            (await CallAsync()).Should().Be(HttpStatusCode.Unauthorized);
            TokenRequests().Should().Be(3, "after the pause one new token is tried");

            time.Advance(ApiRefusalBackoff.First);
            (await CallAsync()).Should().Be(HttpStatusCode.Unauthorized);
            TokenRequests().Should().Be(3, "the second pause is twice as long");

            time.Advance(ApiRefusalBackoff.First);
            (await CallAsync()).Should().Be(HttpStatusCode.Unauthorized);
            TokenRequests().Should().Be(4);

            // Once the API is fixed, the cached token is accepted and the pause is over
            environment.Api.RefuseEveryTokenWith = null;
            (await CallAsync()).Should().Be(HttpStatusCode.OK);
            services.Provider.GetRequiredService<ApiRefusalBackoff>().Remaining(TokenRegistration.From(ClientServices.Name, services.Provider
                .GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(ClientServices.Name)), environment.Api.Url).Should().BeNull();
        }
        finally
        {
            environment.Api.RefuseEveryTokenWith = null;
        }
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

    private const string AudienceDescription = "The audience 'billing-api' is invalid";
    private const string AudienceChallenge = "Bearer error=\"invalid_token\", error_description=\"" + AudienceDescription + "\"";

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
