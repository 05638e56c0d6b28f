using System.Net;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.Tokens;

/// <summary>What goes to <c>/oauth/token</c>, and what comes back when it refuses.</summary>
public sealed class TokenRequestTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task The_secret_is_sent_in_the_form_body_by_default()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);

        // Act
        await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        var request = environment.Proxy.TokenRequests.Single(r => r.ClientId == credentials.ClientId);
        request.Form.Should().Contain("grant_type", "client_credentials").And.Contain("client_secret", credentials.Secret);
        request.Authorization.Should().BeNull();
    }

    [Fact]
    public async Task Http_Basic_sends_the_credentials_in_the_header_and_not_in_the_body()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, o => o.ClientAuthentication = ScalekitClientAuthentication.ClientSecretBasic);

        // Act
        var token = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        token.Value.Should().NotBeNullOrEmpty();
        var request = environment.Proxy.TokenRequests.Single(r => r.ClientId == credentials.ClientId);
        request.Authorization.Should().StartWith("Basic ");
        request.Form.Keys.Should().NotContain(["client_id", "client_secret"]);
    }

    [Fact]
    public async Task Requested_scopes_are_sent_space_delimited_and_granted()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync("read:deployments", "deploy:applications");
        await using var services = ClientServices.Create(environment, credentials, o => o.Scopes = ["read:deployments"]);

        // Act
        var token = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        environment.Proxy.TokenRequests.Single(r => r.ClientId == credentials.ClientId).Form.Should().Contain("scope", "read:deployments");
        token.Scope.Should().Be("read:deployments");
    }

    [Fact]
    public async Task The_token_expiry_comes_from_expires_in()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials);
        var before = DateTimeOffset.UtcNow;

        // Act
        var token = await services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert: the client was registered with expiry 3600; refresh 60 s before
        token.ExpiresAt.Should().BeOnOrAfter(before.AddSeconds(3600)).And.BeOnOrBefore(DateTimeOffset.UtcNow.AddSeconds(3600));
        (token.ExpiresAt - token.RefreshAt).Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_wrong_secret_raises_invalid_client_with_the_description_and_status()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials with { Secret = "not-the-secret-4f9a" });

        // Act
        var act = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitTokenException>()).Which;
        error.Error.Should().Be("invalid_client");
        error.ErrorDescription.Should().NotBeNullOrEmpty();
        error.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        error.Message.Should().NotContain("not-the-secret-4f9a");
    }

    [Fact]
    public async Task A_scope_the_client_is_not_registered_for_raises_invalid_scope()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync("read:deployments");
        await using var services = ClientServices.Create(environment, credentials, o => o.Scopes = ["admin:everything"]);

        // Act
        var act = () => services.Tokens.GetTokenAsync(ClientServices.Name);

        // Assert
        var error = (await act.Should().ThrowAsync<ScalekitTokenException>()).Which;
        error.Error.Should().Be("invalid_scope");
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
