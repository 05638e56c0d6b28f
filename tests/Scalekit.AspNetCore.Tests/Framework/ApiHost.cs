using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// A protected API on the real ASP.NET Core pipeline (TestServer, as WebApplicationFactory uses), validating against a
/// <see cref="JwksServer"/> over real HTTP. The same routes exist as minimal APIs (<c>/min/…</c>) and controllers (<c>/mvc/…</c>).
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string Read = "read:deployments";
    public const string Deploy = "deploy:applications";

    private readonly WebApplication _app;

    private ApiHost(WebApplication app)
    {
        _app = app;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The TestServer, for requests that <see cref="HttpClient"/> would not send as written (see <see cref="BearerRequests"/>).</summary>
    public TestServer Server => _app.GetTestServer();

    public static Task<ApiHost> StartAsync(
        JwksServer issuer,
        Action<ScalekitApiAuthOptions>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null) =>
        StartAsync(issuer.EnvironmentUrl, configure, time, services, map);

    /// <summary>The same API, trusting the environment at <paramref name="environmentUrl"/> (an emulator, say).</summary>
    public static async Task<ApiHost> StartAsync(
        string environmentUrl,
        Action<ScalekitApiAuthOptions>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddScalekitApiAuth(options =>
        {
            options.EnvironmentUrl = environmentUrl;
            options.Audiences.Add(TestTokens.Audience);

            // The tests start from a cold cache and count the fetches requests cause; warm-up tests turn it back on.
            options.Keys.WarmUp = false;
            configure?.Invoke(options);
        });
        builder.Services.AddControllers().AddApplicationPart(typeof(ApiHost).Assembly);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        MapRoutes(app);
        map?.Invoke(app);
        await app.StartAsync();
        return new ApiHost(app);
    }

    private static void MapRoutes(WebApplication app)
    {
        app.MapControllers();
        app.MapGet("/anonymous", () => "ok");
        app.MapGet("/authenticated", () => "ok").RequireAuthorization();

        var min = app.MapGroup("/min");
        min.MapGet("/read", () => "read").RequireScope(Read);
        min.MapPost("/deploy", () => "deployed").RequireScope(Deploy);
        min.MapPost("/both", () => "both").RequireScope(Read).RequireScope(Deploy);
        min.MapPost("/both-in-one", () => "both").RequireScope(Read, Deploy);
        min.MapGet("/any", () => "any").RequireAnyScope(Read, Deploy);
        min.MapGet("/me", (ScalekitClient client) => Results.Json(client)).RequireAuthorization();

        var group = app.MapGroup("/group").RequireScope(Read);
        group.MapGet("/read", () => "read");
        group.MapPost("/deploy", () => "deployed").RequireScope(Deploy);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}

[ApiController]
[Route("mvc")]
public sealed class ScopedTestController : ControllerBase
{
    [HttpGet("read"), RequireScope(ApiHost.Read)]
    public string ReadDeployments() => "read";

    [HttpPost("deploy"), RequireScope(ApiHost.Deploy)]
    public string Deploy() => "deployed";

    [HttpPost("both"), RequireScope(ApiHost.Read), RequireScope(ApiHost.Deploy)]
    public string Both() => "both";

    [HttpPost("both-in-one"), RequireScope(ApiHost.Read, ApiHost.Deploy)]
    public string BothInOne() => "both";

    [HttpGet("any"), RequireAnyScope(ApiHost.Read, ApiHost.Deploy)]
    public string Any() => "any";

    [HttpGet("me"), Authorize]
    public ScalekitClient? Me() => HttpContext.GetScalekitClient();
}

[ApiController]
[Route("mvc/class-scoped")]
[RequireScope(ApiHost.Read)]
public sealed class ClassScopedTestController : ControllerBase
{
    [HttpGet("read")]
    public string ReadDeployments() => "read";

    [HttpPost("deploy"), RequireScope(ApiHost.Deploy)]
    public string Deploy() => "deployed";
}
