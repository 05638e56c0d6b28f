using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Scalekit.AspNetCore.OpenApi.Tests.Framework;

/// <summary>
/// An application with the endpoints a test maps, Scalekit API auth for <see cref="EnvironmentUrl"/> and
/// <c>AddOpenApi(o =&gt; o.AddScalekitSecurity())</c>, on a test server: its <c>/openapi/v1.json</c> as served, read
/// back with Microsoft.OpenApi as an API explorer or a client generator reads it.
/// </summary>
public static class DocumentHost
{
    public const string EnvironmentUrl = "https://acme.scalekit.dev";
    public const string Scheme = "Scalekit";

    public static async Task<OpenApiDocument> DocumentAsync(
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null,
        Action<ScalekitOpenApiOptions>? scalekit = null,
        bool scalekitAuth = true)
    {
        var json = await JsonAsync(map, services, scalekit, scalekitAuth);
        var result = OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
        result.Diagnostic!.Errors.Should().BeEmpty("the served document is valid OpenAPI");
        return result.Document!;
    }

    public static async Task<string> JsonAsync(
        Action<WebApplication> map,
        Action<IServiceCollection>? services = null,
        Action<ScalekitOpenApiOptions>? scalekit = null,
        bool scalekitAuth = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (scalekitAuth)
        {
            builder.Services.AddScalekitApiAuth(Configure(EnvironmentUrl));
        }

        builder.Services.AddControllers().AddApplicationPart(typeof(DocumentHost).Assembly);
        builder.Services.AddOpenApi(o => o.AddScalekitSecurity(scalekit));
        services?.Invoke(builder.Services);

        await using var app = builder.Build();
        map(app);
        app.MapOpenApi().AllowAnonymous();
        await app.StartAsync();
        using var client = app.GetTestClient();
        var json = await client.GetStringAsync("/openapi/v1.json");
        await app.StopAsync();
        return json;
    }

    /// <summary>Options of a Scalekit scheme for <paramref name="environmentUrl"/>; no signing keys are fetched.</summary>
    public static Action<ScalekitApiAuthOptions> Configure(string environmentUrl) => o =>
    {
        o.EnvironmentUrl = environmentUrl;
        o.Audiences.Add("deployment-api.acmecorp.com");
        o.Keys.WarmUp = false;
    };

    /// <summary>The operation at <paramref name="path"/> for <paramref name="method"/>.</summary>
    public static OpenApiOperation Operation(this OpenApiDocument document, HttpMethod method, string path) =>
        document.Paths[path].Operations![method];

    /// <summary>The operation's security requirements as (scheme, scopes) lists: one entry per requirement.</summary>
    public static IReadOnlyList<string> Requirements(this OpenApiOperation operation) =>
        (operation.Security ?? []).Select(r => string.Join(" | ", r.Select(p => $"{p.Key.Reference.Id}: [{string.Join(", ", p.Value)}]"))).ToList();
}
