using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// An application of one's own that hosts the emulator on Kestrel (in-memory database), as a user would with
/// <see cref="ScalekitEmulatorKestrelExtensions.UseScalekitEmulatorProtocols"/>: for the tests of how it listens.
/// </summary>
public sealed class KestrelEmulatorApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelEmulatorApp(WebApplication app)
    {
        _app = app;
        Address = app.Urls.First();
        Port = new Uri(Address).Port;
    }

    public string Address { get; }

    public int Port { get; }

    /// <summary>Starts the app; <paramref name="kestrel"/> configures its listeners, <paramref name="map"/> adds routes of its own.</summary>
    public static async Task<KestrelEmulatorApp> StartAsync(Action<KestrelServerOptions> kestrel, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel);
        builder.Services.AddScalekitEmulator(configure: options => options.Database = ":memory:");
        var app = builder.Build();
        app.MapScalekitEmulator();
        map?.Invoke(app);
        await app.StartAsync();
        return new KestrelEmulatorApp(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
