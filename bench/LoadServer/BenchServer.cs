using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Scalekit.AspNetCore.Bench;

namespace Scalekit.AspNetCore.LoadServer;

/// <summary>
/// <c>GET /hello</c> answering <c>ok</c>: unprotected (<c>none</c>), protected by Scalekit (<c>scalekit</c>: an
/// authenticated caller; <c>scope</c>: <c>.RequireScope(…)</c>) or by stock
/// <c>AddJwtBearer</c> with the same issuer, audience and keys (<c>jwtbearer</c>), or by a handler that accepts any
/// token unread (<c>floor</c>: the cost of the authentication and authorization middleware alone). The same process is the issuer:
/// <c>/keys</c> and the discovery document, counted, and <c>/bench/…</c> for the load script.
/// </summary>
internal static class BenchServer
{
    private static int _jwksFetches;
    private static int _discoveryFetches;

    public static async Task<int> RunAsync(Arguments args)
    {
        var mode = args.Get("mode");
        var port = args.GetInt("port");
        var issuer = new BenchIssuer($"http://127.0.0.1:{port}");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        switch (mode)
        {
            case "none":
                break;
            case "scalekit" or "scope":
                builder.Services.AddScalekitApiAuth(o =>
                {
                    o.EnvironmentUrl = issuer.Issuer;
                    o.Audiences.Add(BenchIssuer.Audience);

                    // Other settings from the environment: Scalekit__TokenCache__CacheOnFirstUse=true bench/load.sh
                    builder.Configuration.GetSection(ScalekitApiAuthDefaults.ConfigurationSection).Bind(o);
                });
                break;
            case "jwtbearer":
                builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
                {
                    o.MetadataAddress = issuer.Issuer + "/.well-known/openid-configuration";
                    o.RequireHttpsMetadata = false;
                    o.TokenValidationParameters.ValidIssuer = issuer.Issuer;
                    o.TokenValidationParameters.ValidAudience = BenchIssuer.Audience;
                });
                builder.Services.AddAuthorization();
                break;
            case "floor":
                builder.Services.AddAuthentication(FloorHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, FloorHandler>(FloorHandler.SchemeName, null);
                builder.Services.AddAuthorization();
                break;
            default:
                throw new ArgumentException($"unknown mode '{mode}': none, scalekit, scope, jwtbearer or floor");
        }

        var app = builder.Build();
        if (mode != "none")
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        var hello = app.MapGet("/hello", () => "ok");
        _ = mode switch
        {
            "none" => hello,
            "scope" => hello.RequireScope(BenchIssuer.Scope),
            _ => hello.RequireAuthorization(),
        };

        MapIssuer(app, issuer);
        MapControl(app, issuer);
        await app.RunAsync();
        return 0;
    }

    private static void MapIssuer(WebApplication app, BenchIssuer issuer)
    {
        app.MapGet("/keys", () =>
        {
            Interlocked.Increment(ref _jwksFetches);
            return Results.Text(issuer.Jwks(), "application/json");
        });
        app.MapGet("/.well-known/openid-configuration", () =>
        {
            Interlocked.Increment(ref _discoveryFetches);
            return Results.Text(issuer.Discovery(), "application/json");
        });
    }

    private static void MapControl(WebApplication app, BenchIssuer issuer)
    {
        app.MapGet("/bench/token", () => issuer.Token());
        app.MapPost("/bench/rotate", () =>
        {
            issuer.Rotate();
            return issuer.Token();
        });
        app.MapGet("/bench/flood-key", () => new FloodKey(
            issuer.Issuer, BenchIssuer.Audience, BenchIssuer.Scope, issuer.FloodKid, Convert.ToBase64String(issuer.FloodKey.ExportPkcs8PrivateKey())));
        app.MapGet("/bench/stats", (HttpContext context, bool? collect) =>
        {
            if (collect == true)
            {
                // Aggressive: also gives the memory the GC keeps for later back to the OS, so RSS shows what is live.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }

            var tokenCache = context.RequestServices.GetService<ScalekitCacheRegistry>()?.Get(ScalekitApiAuthDefaults.AuthenticationScheme).Tokens;
            return new Stats(
                Volatile.Read(ref _jwksFetches),
                Volatile.Read(ref _discoveryFetches),
                tokenCache?.Count,
                GC.GetTotalMemory(forceFullCollection: false),
                Environment.WorkingSet);
        });
    }
}
