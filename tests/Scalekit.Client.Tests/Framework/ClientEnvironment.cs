using Microsoft.Extensions.DependencyInjection;
using Scalekit.Client.Management;
using Scalekit.Emulator;

namespace Scalekit.Client.Tests.Framework;

/// <summary>The id and plain secret of an API client registered on the emulator.</summary>
public sealed record TestCredentials(string OrganizationId, string ClientId, string Secret);

/// <summary>
/// The emulator (in-process, in-memory), the <see cref="TokenEndpointProxy"/> in front of it, and a
/// <see cref="ProtectedApi"/> that trusts the proxy's address as its environment. Tests register a fresh API client each
/// (<see cref="RegisterClientAsync"/>), so that token counts per client id belong to one test.
/// </summary>
public sealed class ClientEnvironment : IAsyncLifetime
{
    private ServiceProvider _managementServices = null!;

    public ScalekitEmulatorHost Emulator { get; private set; } = null!;

    public TokenEndpointProxy Proxy { get; private set; } = null!;

    public ProtectedApi Api { get; private set; } = null!;

    /// <summary>The management client of the environment client, through the proxy (so its token requests are counted too).</summary>
    public ScalekitManagementClient Management { get; private set; } = null!;

    public string OrganizationId { get; private set; } = "";

    public async Task<TestCredentials> RegisterClientAsync(params string[] scopes)
    {
        var created = await Management.CreateClientAsync(OrganizationId, new ScalekitApiClientRequest
        {
            Name = "Client test " + Guid.NewGuid().ToString("N")[..8],
            Scopes = scopes.Length > 0 ? scopes : ["read:deployments", "deploy:applications"],
            Audience = [ProtectedApi.Audience],
            Expiry = 3600,
        });
        return new TestCredentials(OrganizationId, created.Client.ClientId, created.PlainSecret);
    }

    public async Task InitializeAsync()
    {
        Emulator = await ScalekitEmulatorHost.StartAsync();
        Proxy = await TokenEndpointProxy.StartAsync(Emulator.EnvironmentUrl);
        Api = await ProtectedApi.StartAsync(Proxy.Url);
        _managementServices = new ServiceCollection()
            .AddLogging()
            .AddScalekitManagementClient(o =>
            {
                o.EnvironmentUrl = Proxy.Url;
                o.ClientId = Emulator.EnvironmentClientId;
                o.ClientSecret = Emulator.EnvironmentClientSecret;
            })
            .Services.BuildServiceProvider();
        Management = _managementServices.GetRequiredService<ScalekitManagementClient>();
        OrganizationId = (await Management.CreateOrganizationAsync("Acme Corp", "acme-" + Guid.NewGuid().ToString("N")[..8])).Id;
    }

    public async Task DisposeAsync()
    {
        await _managementServices.DisposeAsync();
        await Api.DisposeAsync();
        await Proxy.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
