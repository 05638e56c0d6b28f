using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>Scopes are RFC 6749 §3.3 scope-tokens, bounded in number and length, at registration and in token requests; errors clip what they quote.</summary>
public sealed class ScopeLimitTests() : EmulatorTest(registerClient: true)
{
    [Theory]
    [InlineData("read:déploiements")]
    [InlineData("read\"deployments")]
    [InlineData("read\\deployments")]
    [InlineData("read\tdeployments")]
    public async Task A_client_cannot_be_registered_with_a_scope_no_token_could_carry(string scope)
    {
        // Arrange
        var body = SampleClient.Body();
        body["scopes"] = new System.Text.Json.Nodes.JsonArray(scope);

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Post, $"/api/v1/organizations/{Client.OrganizationId}/clients", body);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "is not a scope");
    }

    [Theory]
    [InlineData("read:déploiements")]
    [InlineData("read\"deployments")]
    public async Task A_token_request_for_a_value_that_is_no_scope_is_invalid_scope(string scope)
    {
        // Act
        using var response = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret, scope);

        // Assert
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task The_environment_client_cannot_name_more_than_fifty_scopes()
    {
        // Arrange
        var scopes = string.Join(' ', Enumerable.Range(0, 51).Select(i => $"scope:{i}"));

        // Act
        using var response = await Emulator.PostTokenAsync(Emulator.Host.EnvironmentClientId, Emulator.Host.EnvironmentClientSecret, scopes);

        // Assert
        await response.ShouldBeOAuthErrorAsync(HttpStatusCode.BadRequest, "invalid_scope");
    }

    [Fact]
    public async Task An_invalid_scope_error_lists_at_most_ten_of_the_unknown_scopes()
    {
        // Arrange
        var scopes = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"unknown:{i}"));

        // Act
        using var response = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret, scopes);

        // Assert
        var description = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest)).GetProperty("error_description").GetString();
        description.Should().Contain("unknown:9 and 20 more").And.NotContain("unknown:10 ");
    }
}
