using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// Our resource server as an application writes it: <c>builder.AddScalekitApiAuth()</c> configured by
/// <c>SCALEKIT_ENVIRONMENT_URL</c> / <c>SCALEKIT_AUDIENCE</c>, and a route that requires <c>read:deployments</c>.
/// It runs on TestServer and fetches the emulator's JWKS over real loopback HTTP.
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    public const string Route = "/deployments";

    private readonly WebApplication _app;
    private readonly HttpClient _client;

    private ResourceServer(WebApplication app)
    {
        _app = app;
        _client = app.GetTestClient();
    }

    public static async Task<ResourceServer> StartAsync(string environmentUrl, string audience)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ScalekitApiAuthDefaults.EnvironmentUrlVariable] = environmentUrl,
            [ScalekitApiAuthDefaults.AudienceVariable] = audience,
        });
        builder.AddScalekitApiAuth();

        var app = builder.Build();
        app.MapGet(Route, () => "deployments").RequireScope(SampleClient.Read);
        await app.StartAsync();
        return new ResourceServer(app);
    }

    public async Task<HttpResponseMessage> GetDeploymentsAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Route);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
