using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scalekit.AspNetCore.Testing.Tests.Framework;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>
/// examples/MinimalApi with API keys on (its Development settings point them at the emulator) and the kit attached:
/// the keys of <see cref="ScalekitTestAuthority.CreateApiKey"/> are validated at the authority, in memory.
/// </summary>
public sealed class ApiKeyAppTests : IDisposable
{
    private readonly AttachedApp _app = AttachedApp.With();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_key_the_authority_created_is_accepted_and_shows_its_organization_and_user()
    {
        // Arrange
        var key = _app.Authority.CreateApiKey(userId: "usr_4711", customClaims: new Dictionary<string, string> { ["plan"] = "pro" });

        // Act
        using var response = await _app.GetAsync("/api/me", key.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        me.GetProperty("kind").GetString().Should().Be("api_key");
        me.GetProperty("apiKeyId").GetString().Should().Be(key.Id);
        me.GetProperty("organizationId").GetString().Should().Be(_app.Authority.OrganizationId);
        me.GetProperty("userId").GetString().Should().Be("usr_4711");
        _app.Authority.ApiKeyValidationCount.Should().Be(1);
    }

    [Fact]
    public async Task An_invalidated_key_is_refused_with_401()
    {
        // Arrange
        var key = _app.Authority.CreateInvalidatedApiKey();

        // Act
        using var response = await _app.GetAsync("/api/me", key.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _app.Authority.ApiKeyValidationCount.Should().Be(1);
    }

    [Fact]
    public async Task A_key_is_refused_on_a_scope_protected_route_with_403()
    {
        // Arrange
        var key = _app.Authority.CreateApiKey();

        // Act
        using var response = await _app.GetAsync("/api/deployments", key.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
