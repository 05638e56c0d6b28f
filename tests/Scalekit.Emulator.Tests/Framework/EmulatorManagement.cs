using Microsoft.Extensions.DependencyInjection;
using Scalekit.Client.Management;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>The real <see cref="ScalekitManagementClient"/> on a test's emulator, registered as an application registers it.</summary>
public sealed class EmulatorManagement : IDisposable
{
    private readonly ServiceProvider _services;

    public EmulatorManagement(TestEmulator emulator)
    {
        _services = new ServiceCollection()
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = emulator.EnvironmentUrl;
                o.ClientId = emulator.Host.EnvironmentClientId;
                o.ClientSecret = emulator.Host.EnvironmentClientSecret;
            })
            .Services.BuildServiceProvider();
        Management = _services.GetRequiredService<ScalekitManagementClient>();
    }

    public ScalekitManagementClient Management { get; }

    public void Dispose() => _services.Dispose();
}
