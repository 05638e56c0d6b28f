using System.Net;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Handler;

/// <summary>The token goes to the API it was configured for, and nowhere else.</summary>
public sealed class HostPinningTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task A_request_to_another_host_fails_before_a_token_is_requested_or_sent()
    {
        // Arrange: another server on another port is another origin
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        await using var other = await ProtectedApi.StartAsync(environment.Proxy.Url);

        // Act
        var act = () => services.CreateClient().GetAsync(other.Url + "/collect");

        // Assert
        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage($"*refusing to send the access token to {other.Url}*AllowedHosts*");
        other.Requests.Should().BeEmpty();
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(0);
    }

    [Fact]
    public async Task A_host_in_AllowedHosts_gets_the_token()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var other = await ProtectedApi.StartAsync(environment.Proxy.Url);
        await using var services = ClientServices.Create(environment, credentials, o => o.AllowedHosts.Add(other.Url));

        // Act
        using var response = await services.CreateClient().GetAsync(other.Url + "/api/deployments");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        other.Requests.Single().BearerToken.Should().NotBeNull();
    }

    [Fact]
    public async Task A_redirect_to_another_host_arrives_there_without_the_token()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        await using var other = await ProtectedApi.StartAsync(environment.Proxy.Url);

        // Act
        using var response = await services.CreateClient().GetAsync("api/redirect?to=" + Uri.EscapeDataString(other.Url + "/landing"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        other.Requests.Single().BearerToken.Should().BeNull();
    }
}
