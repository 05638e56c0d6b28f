using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// The emulator mapped into an application of our own (<c>AddScalekitEmulator</c> + <c>MapScalekitEmulator</c>) on
/// TestServer, where a test sets what the network cannot, such as the caller's address.
/// </summary>
public sealed class TestServerEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServerEmulator(WebApplication app) => _app = app;

    public static async Task<TestServerEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddScalekitEmulator(configure: options => options.Database = ":memory:");
        var app = builder.Build();
        app.MapScalekitEmulator();
        await app.StartAsync();
        return new TestServerEmulator(app);
    }

    public Task<HttpContext> SendAsync(Action<HttpContext> configure) => _app.GetTestServer().SendAsync(configure);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
