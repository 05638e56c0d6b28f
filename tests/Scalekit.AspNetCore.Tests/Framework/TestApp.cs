using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// Builds an application the way a user would (<c>WebApplication.CreateBuilder</c>), on TestServer, for tests that
/// need their own registrations: configuration comes only from the given in-memory settings (no environment
/// variables, no appsettings.json) and logs go to a <see cref="Microsoft.Extensions.Logging.Testing.FakeLogCollector"/>.
/// </summary>
public static class TestApp
{
    public static WebApplicationBuilder CreateBuilder(
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        string environment = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Logging.ClearProviders();
        builder.Logging.AddFakeLogging();
        return builder;
    }

    /// <summary>Adds the test assembly's controllers (<c>/mvc/…</c>, see <see cref="ApiHost"/>).</summary>
    public static IServiceCollection AddTestControllers(this IServiceCollection services)
    {
        services.AddControllers().AddApplicationPart(typeof(ApiHost).Assembly);
        return services;
    }

    /// <summary>Points a Scalekit scheme at <paramref name="issuer"/>, accepting <see cref="TestTokens.Audience"/>.</summary>
    public static void UseIssuer(this ScalekitApiAuthOptions options, JwksServer issuer)
    {
        options.EnvironmentUrl = issuer.EnvironmentUrl;
        options.Audiences.Add(TestTokens.Audience);
    }

    /// <summary>Maps the scope routes that <see cref="ApiHost"/> also has at <c>/min/read</c> (GET) and <c>/min/deploy</c> (POST).</summary>
    public static void MapMinimalScopeRoutes(this WebApplication app)
    {
        app.MapGet("/min/read", () => "read").RequireScope(ApiHost.Read);
        app.MapPost("/min/deploy", () => "deployed").RequireScope(ApiHost.Deploy);
    }

    /// <summary>Builds the application, maps <paramref name="map"/> and starts it. Dispose the result.</summary>
    public static async Task<WebApplication> StartAsync(this WebApplicationBuilder builder, Action<WebApplication>? map = null)
    {
        var app = builder.Build();
        map?.Invoke(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }
}
