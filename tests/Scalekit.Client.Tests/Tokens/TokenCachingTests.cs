using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Tokens;

/// <summary>One token per (environment, client, scopes), reused until shortly before it expires.</summary>
public sealed class TokenCachingTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task Ten_calls_cost_one_token_request()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var client = services.CreateClient();

        // Act
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync("api/deployments");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Assert
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
        environment.Api.Requests.Where(r => r.Path == "/api/deployments").TakeLast(10).Select(r => r.BearerToken).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Two_http_clients_with_the_same_credentials_share_the_token()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, services: s =>
            s.AddHttpClient("second", c => c.BaseAddress = environment.Api.BaseAddress).AddScalekitClientCredentials(o =>
            {
                o.EnvironmentUrl = environment.Proxy.Url;
                o.ClientId = credentials.ClientId;
                o.ClientSecret = credentials.Secret;
            }));

        // Act
        using var first = await services.CreateClient().GetAsync("api/deployments");
        using var second = await services.CreateClient("second").GetAsync("api/deployments");

        // Assert
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }

    [Fact]
    public async Task Different_scopes_get_different_tokens()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, o => o.Scopes = ["read:deployments"], services: s =>
            s.AddHttpClient("deployer", c => c.BaseAddress = environment.Api.BaseAddress).AddScalekitClientCredentials(o =>
            {
                o.EnvironmentUrl = environment.Proxy.Url;
                o.ClientId = credentials.ClientId;
                o.ClientSecret = credentials.Secret;
                o.Scopes = ["deploy:applications"];
            }));

        // Act
        var reader = await services.Tokens.GetTokenAsync(ClientServices.Name);
        var deployer = await services.Tokens.GetTokenAsync("deployer");

        // Assert
        reader.Value.Should().NotBe(deployer.Value);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
    }

    [Fact]
    public async Task A_token_is_reused_until_its_refresh_time()
    {
        // Arrange: expires in 3600 s, so it is replaced from 3540 s on
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, time: time);
        var first = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Act
        time.Advance(TimeSpan.FromSeconds(3539));
        var second = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        second.Value.Should().Be(first.Value);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }

    [Fact]
    public async Task A_token_is_replaced_once_less_than_the_refresh_margin_remains()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, time: time);
        var client = services.CreateClient();
        using var before = await client.GetAsync("api/deployments");

        // Act
        time.Advance(TimeSpan.FromSeconds(3541));
        using var after = await client.GetAsync("api/deployments");

        // Assert
        after.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
        environment.Api.Requests.TakeLast(2).Select(r => r.BearerToken).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public async Task Force_refresh_replaces_a_fresh_token()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var first = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Act
        var second = await services.Tokens.GetTokenAsync(ClientServices.Name, forceRefresh: true);

        // Assert
        second.Value.Should().NotBe(first.Value);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(2);
    }

    [Theory]
    [InlineData(3600, 60)] // 10% would be 360 s: 60 s is smaller
    [InlineData(86399, 60)] // Scalekit's documented 24 h token
    [InlineData(300, 30)] // 10% of 5 minutes
    [InlineData(10, 1)] // a very short token is still used for 9 of its 10 s
    public void The_refresh_margin_is_60_seconds_or_a_tenth_of_the_lifetime_whichever_is_smaller(int lifetimeSeconds, int expectedMarginSeconds)
    {
        // Act
        var margin = Internal.TokenLifetime.Margin(TimeSpan.FromSeconds(lifetimeSeconds), TimeSpan.FromSeconds(60));

        // Assert
        margin.Should().Be(TimeSpan.FromSeconds(expectedMarginSeconds));
    }
}
