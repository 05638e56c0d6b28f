using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MinimalApi;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.OpenApi.Tests.Framework;

/// <summary>
/// What a developer runs to try the API from the browser: the emulator with <c>Emulator:CorsOrigins</c> set to the
/// API's origin, examples/MinimalApi in Development on Kestrel (so the browser reaches it) trusting that emulator, and
/// an API client registered through the management API with <c>read:deployments</c> only.
/// </summary>
public sealed class ApiExplorerSite : IAsyncLifetime
{
    public const string ReadScope = "read:deployments";

    private ScalekitEmulatorHost? _emulator;
    private WebApplicationFactory<MinimalApiEntryPoint>? _api;

    /// <summary>The API's origin, such as <c>http://127.0.0.1:41234</c>; its explorer is at <c>/scalar/</c>.</summary>
    public string Origin { get; private set; } = "";

    public string EmulatorUrl => _emulator!.EnvironmentUrl;

    public string ClientId { get; private set; } = "";

    public string ClientSecret { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The emulator must know the page's origin when it starts, so the API's port is chosen first.
        var port = FreeLoopbackPort();
        Origin = $"http://127.0.0.1:{port}";
        _emulator = await ScalekitEmulatorHost.StartAsync(o => o.CorsOrigins.Add(Origin));
        (ClientId, ClientSecret) = await RegisterReadOnlyClientAsync(_emulator);

        _api = new WebApplicationFactory<MinimalApiEntryPoint>().WithWebHostBuilder(b => b
            .UseEnvironment("Development")
            .UseSetting("Scalekit:EnvironmentUrl", _emulator.EnvironmentUrl));
        _api.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _api.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    private static async Task<(string ClientId, string Secret)> RegisterReadOnlyClientAsync(ScalekitEmulatorHost emulator)
    {
        using var http = new HttpClient { BaseAddress = new Uri(emulator.EnvironmentUrl) };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = emulator.EnvironmentClientId,
            ["client_secret"] = emulator.EnvironmentClientSecret,
        });
        using var token = await http.PostAsync("/oauth/token", form);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString());

        using var organization = await http.PostAsJsonAsync("/api/v1/organizations", new { display_name = "Acme Corp" });
        organization.StatusCode.Should().Be(HttpStatusCode.Created, await organization.Content.ReadAsStringAsync());
        var organizationId = (await organization.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organization").GetProperty("id").GetString();

        using var client = await http.PostAsJsonAsync($"/api/v1/organizations/{organizationId}/clients", new
        {
            name = "Deployments dashboard (read-only)",
            scopes = new[] { ReadScope },
            audience = new[] { "deployment-api.acmecorp.com" },
            expiry = 3600,
        });
        client.StatusCode.Should().Be(HttpStatusCode.Created, await client.Content.ReadAsStringAsync());
        var created = await client.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("client").GetProperty("client_id").GetString()!, created.GetProperty("plain_secret").GetString()!);
    }

    /// <summary>A loopback port free a moment ago (Kestrel binds it right after; another process taking it first fails the start).</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
