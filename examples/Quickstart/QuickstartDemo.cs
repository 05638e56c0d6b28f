using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Examples.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.IdentityModel.JsonWebTokens;
using Scalekit.Emulator;

namespace Quickstart;

/// <summary>Starts the emulator and the protected API on loopback, then walks through the flow of seeds 000–004.</summary>
public sealed class QuickstartDemo : IAsyncDisposable
{
    private const string Audience = "deployment-api.acmecorp.com";

    private readonly Transcript _transcript;
    private readonly ScalekitEmulatorHost _emulator;
    private readonly WebApplication _api;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string _apiUrl;

    private QuickstartDemo(Transcript transcript, ScalekitEmulatorHost emulator, WebApplication api, string apiUrl)
    {
        _transcript = transcript;
        _emulator = emulator;
        _api = api;
        _apiUrl = apiUrl;
    }

    public static async Task<QuickstartDemo> StartAsync(Transcript transcript)
    {
        var emulator = await ScalekitEmulatorHost.StartAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration["SCALEKIT_ENVIRONMENT_URL"] = emulator.EnvironmentUrl;
        builder.Configuration["SCALEKIT_AUDIENCE"] = Audience;
        builder.AddScalekitApiAuth();
        builder.Services.AddSingleton<DeploymentStore>();
        var api = builder.Build();
        api.MapDeploymentsApi();
        await api.StartAsync();
        var apiUrl = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        transcript.Step("Started on loopback, no account and no network needed");
        transcript.Info($"Scalekit emulator (SCALEKIT_ENVIRONMENT_URL): {emulator.EnvironmentUrl}");
        transcript.Info($"Protected API (builder.AddScalekitApiAuth()): {apiUrl}");
        return new QuickstartDemo(transcript, emulator, api, apiUrl);
    }

    public async Task RunAsync()
    {
        _transcript.Step("1. The environment client gets a management token (Scalekit's 'Authenticate with the Scalekit API' guide)");
        var managementToken = await TokenAsync(_emulator.EnvironmentClientId, _emulator.EnvironmentClientSecret);

        _transcript.Step("2. Register an organization and an API client for it (Scalekit's 'Add auth to your APIs' guide)");
        var organizationId = (await ManageAsync(managementToken, HttpMethod.Post, "/api/v1/organizations", new { display_name = "Acme Corp", external_id = "acme" }))
            ["organization"]!["id"]!.GetValue<string>();
        _transcript.Info($"organization {organizationId}");
        var (clientId, secret) = await RegisterClientAsync(managementToken, organizationId, "GitHub Actions Deployment Service", ["deploy:applications", "read:deployments"]);

        _transcript.Step("3. The API client exchanges its credentials for a token (client credentials)");
        var token = await TokenAsync(clientId, secret);
        DescribeToken(token);

        _transcript.Step("4. It calls the protected API");
        await ExpectAsync(HttpMethod.Get, "/api/deployments", token, HttpStatusCode.OK);
        await ExpectAsync(HttpMethod.Post, "/api/deployments", token, HttpStatusCode.Created, new { application = "inventory-service", version = "1.4.2" });
        await ExpectAsync(HttpMethod.Post, "/api/deployments/rollback", token, HttpStatusCode.OK, new { application = "inventory-service" });
        await ExpectAsync(HttpMethod.Get, "/api/me", token, HttpStatusCode.OK, showBody: true);

        _transcript.Step("5. A read-only client may read, but not deploy");
        var (readerId, readerSecret) = await RegisterClientAsync(managementToken, organizationId, "Dashboard (read-only)", ["read:deployments"]);
        var readerToken = await TokenAsync(readerId, readerSecret);
        await ExpectAsync(HttpMethod.Get, "/api/deployments", readerToken, HttpStatusCode.OK);
        await ExpectAsync(HttpMethod.Post, "/api/deployments", readerToken, HttpStatusCode.Forbidden, new { application = "inventory-service", version = "1.4.2" });

        _transcript.Step("6. No token, or a tampered one");
        await ExpectAsync(HttpMethod.Get, "/api/deployments", null, HttpStatusCode.Unauthorized);
        await ExpectAsync(HttpMethod.Get, "/api/deployments", token[..^4] + "AAAA", HttpStatusCode.Unauthorized);

        _transcript.Step("7. The emulator rotates its signing key; the API picks up the new key on first sight");
        var newKid = _emulator.RotateSigningKey();
        var rotatedToken = await TokenAsync(clientId, secret);
        _transcript.Info($"new signing key {newKid}; the old key stays published for the grace period");
        await ExpectAsync(HttpMethod.Get, "/api/deployments", rotatedToken, HttpStatusCode.OK);
        await ExpectAsync(HttpMethod.Get, "/api/deployments", token, HttpStatusCode.OK);
    }

    private async Task<(string ClientId, string Secret)> RegisterClientAsync(string managementToken, string organizationId, string name, string[] scopes)
    {
        var created = await ManageAsync(managementToken, HttpMethod.Post, $"/api/v1/organizations/{organizationId}/clients", new
        {
            name,
            description = "Service account for automated deployments to production",
            custom_claims = new[]
            {
                new { key = "github_repository", value = "acmecorp/inventory-service" },
                new { key = "environment", value = "production_us" },
            },
            scopes,
            audience = new[] { Audience },
            expiry = 3600,
        });
        var clientId = created["client"]!["client_id"]!.GetValue<string>();
        var secret = created["plain_secret"]!.GetValue<string>();
        _transcript.Info($"API client {clientId} ({name}), scopes [{string.Join(' ', scopes)}], secret …{secret[^4..]} (shown once)");
        return (clientId, secret);
    }

    private async Task<string> TokenAsync(string clientId, string clientSecret)
    {
        using var response = await _http.PostAsync(_emulator.EnvironmentUrl + "/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
        _transcript.Check(response.StatusCode == HttpStatusCode.OK, $"POST /oauth/token as {clientId} → {(int)response.StatusCode}, expires_in {body["expires_in"]}");
        return body["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException($"no access_token from the emulator: {body.ToJsonString()}");
    }

    private async Task<JsonObject> ManageAsync(string token, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, _emulator.EnvironmentUrl + path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        _transcript.Check(response.IsSuccessStatusCode, $"{method} {path} → {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException($"{method} {path} returned no JSON");
    }

    private async Task ExpectAsync(HttpMethod method, string path, string? token, HttpStatusCode expected, object? body = null, bool showBody = false)
    {
        using var request = new HttpRequestMessage(method, _apiUrl + path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _http.SendAsync(request);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        _transcript.Check(response.StatusCode == expected,
            $"{method,-4} {path,-27} → {(int)response.StatusCode} (expected {(int)expected}){(challenge.Length > 0 ? $"  WWW-Authenticate: {challenge}" : "")}");
        if (showBody)
        {
            _transcript.Info(await response.Content.ReadAsStringAsync());
        }
    }

    private void DescribeToken(string token)
    {
        var jwt = new JsonWebToken(token);
        _transcript.Info($"header: alg {jwt.Alg}, kid {jwt.Kid}");
        using var payload = JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(jwt.EncodedPayload));
        _transcript.Info($"payload: {JsonSerializer.Serialize(payload.RootElement)}");
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
