using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator;

/// <summary>
/// The emulator running in-process on a free loopback port: for quickstarts and integration tests.
/// </summary>
/// <example>
/// <code>
/// await using var emulator = await ScalekitEmulatorHost.StartAsync();
/// // emulator.EnvironmentUrl is e.g. http://127.0.0.1:41234
/// </code>
/// </example>
public sealed class ScalekitEmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScalekitEmulatorHost(WebApplication app, string environmentUrl)
    {
        _app = app;
        EnvironmentUrl = environmentUrl;
    }

    /// <summary>The environment URL, such as <c>http://127.0.0.1:41234</c>: point <c>SCALEKIT_ENVIRONMENT_URL</c> here.</summary>
    public string EnvironmentUrl { get; }

    /// <summary>The environment client's id, for the management API.</summary>
    public string EnvironmentClientId => Options.EnvironmentClientId;

    /// <summary>The environment client's secret.</summary>
    public string EnvironmentClientSecret => Options.EnvironmentClientSecret;

    /// <summary>The emulator's services.</summary>
    public IServiceProvider Services => _app.Services;

    private ScalekitEmulatorOptions Options => _app.Services.GetRequiredService<IOptions<ScalekitEmulatorOptions>>().Value;

    /// <summary>Starts the emulator on <c>127.0.0.1</c> with a free port and an in-memory database unless configured otherwise.</summary>
    /// <param name="configure">Adjusts the options (<see cref="ScalekitEmulatorOptions.Database"/> defaults to <c>:memory:</c> here).</param>
    /// <param name="time">The clock, for tests; the system clock when <see langword="null"/>.</param>
    /// <param name="port">The port; 0 picks a free one.</param>
    /// <returns>The running emulator.</returns>
    public static async Task<ScalekitEmulatorHost> StartAsync(Action<ScalekitEmulatorOptions>? configure = null, TimeProvider? time = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.UseScalekitEmulatorProtocols().Listen(IPAddress.Loopback, port));
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        // Without a configured EnvironmentUrl, the issuer is the address the request came in on: this host's.
        builder.Services.AddScalekitEmulator(configure: options =>
        {
            options.Database = ":memory:";
            configure?.Invoke(options);
        });

        var app = builder.Build();
        app.MapScalekitEmulator();
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var configured = app.Services.GetRequiredService<IOptions<ScalekitEmulatorOptions>>().Value.EnvironmentUrl;
        return new ScalekitEmulatorHost(app, configured ?? address);
    }

    /// <summary>Rotates the signing key: the new key signs from now on, the old one stays published for <paramref name="gracePeriod"/>.</summary>
    /// <param name="gracePeriod">How long the old key stays in the JWKS; the configured default when <see langword="null"/>.</param>
    /// <returns>The new key's <c>kid</c>.</returns>
    public string RotateSigningKey(TimeSpan? gracePeriod = null) =>
        _app.Services.GetRequiredService<SigningKeyRing>().Rotate(gracePeriod);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);
}
