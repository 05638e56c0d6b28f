using ControllerApi;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MinimalApi;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// Both example apps, started through <see cref="WebApplicationFactory{TEntryPoint}"/> exactly as their Program.cs
/// builds them, pointed at one <see cref="JwksServer"/> through SCALEKIT_ENVIRONMENT_URL (as a user points them at the emulator).
/// </summary>
public sealed class ExampleApps : IAsyncLifetime
{
    public const string Minimal = "MinimalApi";
    public const string Controllers = "ControllerApi";

    private readonly Dictionary<string, IDisposable> _factories = [];
    private readonly Dictionary<string, HttpClient> _clients = [];

    public JwksServer Issuer { get; private set; } = null!;

    public HttpClient Client(string app) => _clients[app];

    public async Task InitializeAsync()
    {
        Issuer = await JwksServer.StartAsync();
        Add(Minimal, new PointedFactory<MinimalApiEntryPoint>(Issuer.EnvironmentUrl));
        Add(Controllers, new PointedFactory<ControllerApiEntryPoint>(Issuer.EnvironmentUrl));
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories.Values)
        {
            factory.Dispose();
        }

        await Issuer.DisposeAsync();
    }

    private void Add<TEntryPoint>(string name, PointedFactory<TEntryPoint> factory)
        where TEntryPoint : class
    {
        _factories[name] = factory;
        _clients[name] = factory.CreateClient();
    }

    private sealed class PointedFactory<TEntryPoint>(string environmentUrl) : WebApplicationFactory<TEntryPoint>
        where TEntryPoint : class
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting(ScalekitApiAuthDefaults.EnvironmentUrlVariable, environmentUrl);
    }
}
