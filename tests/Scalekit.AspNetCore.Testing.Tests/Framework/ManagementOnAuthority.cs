using Microsoft.Extensions.DependencyInjection;
using Scalekit.Client.Management;

namespace Scalekit.AspNetCore.Testing.Tests.Framework;

/// <summary>
/// The real <see cref="ScalekitManagementClient"/>, registered as an application registers it, on a test authority in
/// memory: its environment token from the authority's <c>/oauth/token</c>, API keys validated at its <c>tokens:validate</c>.
/// </summary>
public sealed class ManagementOnAuthority : IDisposable
{
    private readonly ServiceProvider _services;

    public ManagementOnAuthority(ScalekitTestAuthority authority)
    {
        _services = new ServiceCollection()
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = authority.Issuer;
                o.ClientId = authority.EnvironmentClientId;
                o.ClientSecret = authority.EnvironmentClientSecret;
            })
            .UseScalekitTestAuthority(authority)
            .Services.BuildServiceProvider();
        Management = _services.GetRequiredService<ScalekitManagementClient>();
    }

    public ScalekitManagementClient Management { get; }

    public void Dispose() => _services.Dispose();
}
