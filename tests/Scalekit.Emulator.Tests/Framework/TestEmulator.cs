using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>An API client registered through the management API, with the secret that only its create response showed.</summary>
public sealed record RegisteredClient(string OrganizationId, string ClientId, string PlainSecret, JsonElement Client)
{
    public string Path => $"/api/v1/organizations/{OrganizationId}/clients/{ClientId}";
}

/// <summary>
/// <see cref="ScalekitEmulatorHost"/> on its real loopback address, with an <see cref="HttpClient"/> and shortcuts for the
/// calls that arrange a test: tokens, organizations and API clients through the public HTTP API only.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    private TestEmulator(ScalekitEmulatorHost host)
    {
        Host = host;
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = addresses.Addresses.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(Address) };
    }

    public ScalekitEmulatorHost Host { get; }

    /// <summary>Where the emulator listens: the same as <see cref="EnvironmentUrl"/> unless one was configured.</summary>
    public string Address { get; }

    public string EnvironmentUrl => Host.EnvironmentUrl;

    public HttpClient Http { get; }

    public static async Task<TestEmulator> StartAsync(Action<ScalekitEmulatorOptions>? configure = null, TimeProvider? time = null) =>
        new(await ScalekitEmulatorHost.StartAsync(configure, time));

    // OAuth ------------------------------------------------------------------------------------------------------

    public static FormUrlEncodedContent Form(string clientId, string secret, string? scope = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        };
        if (scope is not null)
        {
            fields["scope"] = scope;
        }

        return new FormUrlEncodedContent(fields);
    }

    public static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret)));

    public async Task<HttpResponseMessage> PostTokenAsync(HttpContent content, AuthenticationHeaderValue? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token") { Content = content };
        request.Headers.Authorization = authorization;
        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostTokenAsync(string clientId, string secret, string? scope = null) =>
        PostTokenAsync(Form(clientId, secret, scope));

    /// <summary>A token for the client, failing the test when the emulator refuses it.</summary>
    public async Task<string> GetAccessTokenAsync(string clientId, string secret, string? scope = null)
    {
        using var response = await PostTokenAsync(clientId, secret, scope);
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return json.GetProperty("access_token").GetString()!;
    }

    public Task<string> GetAccessTokenAsync(RegisteredClient client, string? scope = null) =>
        GetAccessTokenAsync(client.ClientId, client.PlainSecret, scope);

    public Task<string> GetEnvironmentTokenAsync() => GetAccessTokenAsync(Host.EnvironmentClientId, Host.EnvironmentClientSecret);

    // Management API ---------------------------------------------------------------------------------------------

    /// <summary>Sends a request with <paramref name="bearer"/> as its token, or none when <see langword="null"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, string? bearer)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>Calls the management API as the environment client, with <paramref name="body"/> as JSON.</summary>
    public async Task<HttpResponseMessage> ManageAsync(HttpMethod method, string path, object? body = null) =>
        await SendAsync(method, path, body is null ? null : JsonContent.Create(body), await GetEnvironmentTokenAsync());

    /// <summary>Calls the management API as the environment client with <paramref name="body"/> sent as it is.</summary>
    public async Task<HttpResponseMessage> ManageAsync(HttpMethod method, string path, string mediaType, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        return await SendAsync(method, path, content, await GetEnvironmentTokenAsync());
    }

    /// <summary>Calls the management API as the environment client and returns the JSON answer, failing on another status.</summary>
    public async Task<JsonElement> ManageAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var response = await ManageAsync(method, path, body);
        return await response.ShouldHaveStatusAsync(expected);
    }

    public async Task<string> CreateOrganizationAsync(string displayName = "Acme Corp", string? externalId = null)
    {
        var json = await ManageAsync(HttpMethod.Post, "/api/v1/organizations",
            new { display_name = displayName, external_id = externalId }, HttpStatusCode.Created);
        return json.GetProperty("organization").GetProperty("id").GetString()!;
    }

    /// <summary>Registers the client of Scalekit's "Add auth to your APIs" guide, changed by <paramref name="change"/>, in a new organization.</summary>
    public async Task<RegisteredClient> RegisterClientAsync(Action<JsonObject>? change = null) =>
        await RegisterClientAsync(await CreateOrganizationAsync(), change);

    public async Task<RegisteredClient> RegisterClientAsync(string organizationId, Action<JsonObject>? change = null)
    {
        var body = SampleClient.Body();
        change?.Invoke(body);
        var json = await ManageAsync(HttpMethod.Post, $"/api/v1/organizations/{organizationId}/clients", body, HttpStatusCode.Created);
        var client = json.GetProperty("client");
        return new RegisteredClient(organizationId, client.GetProperty("client_id").GetString()!, json.GetProperty("plain_secret").GetString()!, client);
    }

    public Task<JsonElement> ListClientsAsync(string organizationId) =>
        ManageAsync(HttpMethod.Get, $"/api/v1/organizations/{organizationId}/clients", null, HttpStatusCode.OK);

    // Keys -------------------------------------------------------------------------------------------------------

    public async Task<string> GetKeysJsonAsync() => await Http.GetStringAsync("/keys");

    public async Task<IReadOnlyList<string>> GetPublishedKidsAsync()
    {
        using var document = JsonDocument.Parse(await GetKeysJsonAsync());
        return document.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
