using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ControllerApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MinimalApi;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client.Management;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// MinimalApi and ControllerApi as their appsettings.json configure them (API keys on, the emulator's environment
/// client), pointed at an emulator: <c>GET /api/me</c> accepts a key, the scope-protected routes refuse it with 403.
/// </summary>
public sealed class ApiKeyExampleTests : IAsyncLifetime
{
    private ScalekitEmulatorHost _emulator = null!;
    private ServiceProvider _management = null!;
    private WebApplicationFactory<MinimalApiEntryPoint> _minimal = null!;
    private WebApplicationFactory<ControllerApiEntryPoint> _controllers = null!;

    public static TheoryData<string> Apps => new() { ExampleApps.Minimal, ExampleApps.Controllers };

    public async Task InitializeAsync()
    {
        _emulator = await ScalekitEmulatorHost.StartAsync();
        _management = new ServiceCollection().AddScalekitManagementClient(o =>
        {
            o.EnvironmentUrl = _emulator.EnvironmentUrl;
            o.ClientId = _emulator.EnvironmentClientId;
            o.ClientSecret = _emulator.EnvironmentClientSecret;
        }).Services.BuildServiceProvider();
        _minimal = new WebApplicationFactory<MinimalApiEntryPoint>().WithWebHostBuilder(PointAtEmulator);
        _controllers = new WebApplicationFactory<ControllerApiEntryPoint>().WithWebHostBuilder(PointAtEmulator);
    }

    public async Task DisposeAsync()
    {
        await _minimal.DisposeAsync();
        await _controllers.DisposeAsync();
        await _management.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task Api_me_accepts_a_users_key_and_shows_its_organization_user_and_custom_claims(string app)
    {
        // Arrange
        var (organization, created) = await CreateKeyAsync(userId: "usr_42");

        // Act
        using var response = await Client(app, created.PlainKey).GetAsync("/api/me");

        // Assert
        var me = await response.ReadOkJsonAsync<JsonElement>();
        me.GetProperty("kind").GetString().Should().Be("api_key");
        me.GetProperty("apiKeyId").GetString().Should().Be(created.ApiKey.Id);
        me.GetProperty("organizationId").GetString().Should().Be(organization.Id);
        me.GetProperty("organizationExternalId").GetString().Should().Be(organization.ExternalId);
        me.GetProperty("userId").GetString().Should().Be("usr_42");
        me.GetProperty("customClaims").GetProperty("plan").GetString().Should().Be("enterprise");
        me.GetProperty("scopes").GetArrayLength().Should().Be(0);
    }

    [Theory, MemberData(nameof(Apps))]
    public async Task The_scope_protected_routes_refuse_a_key_with_403(string app)
    {
        // Arrange
        var (_, created) = await CreateKeyAsync();
        var client = Client(app, created.PlainKey);

        // Act
        using var list = await client.GetAsync("/api/deployments");
        using var deploy = await client.PostAsJsonAsync("/api/deployments", new { application = "inventory-service", version = "1.2.3" });

        // Assert
        foreach (var response in new[] { list, deploy })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            response.Challenges().Single().Should().Contain(ScalekitErrorDescriptions.ApiKeyWithoutScopes);
        }
    }

    private void PointAtEmulator(IWebHostBuilder builder) =>
        builder.UseSetting(ScalekitApiAuthDefaults.EnvironmentUrlVariable, _emulator.EnvironmentUrl);

    private HttpClient Client(string app, string key)
    {
        var client = app == ExampleApps.Minimal ? _minimal.CreateClient() : _controllers.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<(ScalekitOrganization Organization, ScalekitCreatedApiKey Created)> CreateKeyAsync(string? userId = null)
    {
        var management = _management.GetRequiredService<ScalekitManagementClient>();
        var organization = await management.CreateOrganizationAsync("Acme Corp", externalId: "acme-" + Guid.NewGuid().ToString("N"));
        var created = await management.CreateApiKeyAsync(organization.Id, new ScalekitApiKeyRequest
        {
            UserId = userId,
            CustomClaims = new Dictionary<string, string> { ["plan"] = "enterprise" },
        });
        return (organization, created);
    }
}
