using System.Net;
using System.Text.Json.Nodes;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.EndToEnd;

/// <summary>A token from the emulator is accepted by our resource server (Scalekit.AspNetCore), as one from Scalekit would be.</summary>
public sealed class ResourceServerTests : EmulatorTest
{
    private ResourceServer _api = null!;

    /// <summary>The resource server checks token lifetimes on the system clock, so the emulator mints on it too.</summary>
    protected override TimeProvider? EmulatorClock => null;

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        _api = await ResourceServer.StartAsync(Emulator.EnvironmentUrl, SampleClient.Audience);
    }

    public override async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_token_with_the_required_scope_is_accepted()
    {
        // Arrange
        var token = await Emulator.GetAccessTokenAsync(Client);

        // Act
        using var response = await _api.GetDeploymentsAsync(token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("deployments");
    }

    [Fact]
    public async Task A_token_narrowed_to_another_scope_is_forbidden()
    {
        // Arrange
        var token = await Emulator.GetAccessTokenAsync(Client, SampleClient.Deploy);

        // Act
        using var response = await _api.GetDeploymentsAsync(token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_of_a_client_registered_without_the_scope_is_forbidden()
    {
        // Arrange
        var client = await Emulator.RegisterClientAsync(Client.OrganizationId, body => body["scopes"] = new JsonArray(SampleClient.Deploy));
        var token = await Emulator.GetAccessTokenAsync(client);

        // Act
        using var response = await _api.GetDeploymentsAsync(token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_request_without_a_token_is_unauthorized()
    {
        // Act
        using var response = await _api.GetDeploymentsAsync(token: null);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_unauthorized()
    {
        // Arrange
        var client = await Emulator.RegisterClientAsync(Client.OrganizationId, body => body["audience"] = new JsonArray("billing-api.acmecorp.com"));
        var token = await Emulator.GetAccessTokenAsync(client);

        // Act
        using var response = await _api.GetDeploymentsAsync(token);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_a_rotation_the_new_key_is_accepted_at_once()
    {
        // Arrange: the API has cached the first key.
        using (var warm = await _api.GetDeploymentsAsync(await Emulator.GetAccessTokenAsync(Client)))
        {
            warm.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var kid = Emulator.Host.RotateSigningKey(TimeSpan.FromHours(1));
        var token = await Emulator.GetAccessTokenAsync(Client);

        // Act
        using var response = await _api.GetDeploymentsAsync(token);

        // Assert
        Jwt.Header(token).GetProperty("kid").GetString().Should().Be(kid);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
