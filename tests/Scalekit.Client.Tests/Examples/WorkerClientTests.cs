using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MinimalApi;
using Scalekit.Client.Tests.Framework;
using WorkerClient;

namespace Scalekit.Client.Tests.Examples;

/// <summary>
/// examples/WorkerClient with its own wiring (<c>AddDeploymentsClient</c>) against examples/MinimalApi as its Program.cs
/// builds it, on Kestrel, both pointed at the emulator as the README's walkthrough does.
/// </summary>
public sealed class WorkerClientTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task The_worker_lists_MinimalApis_deployments_with_a_scalekit_token()
    {
        // Arrange
        await using var api = new MinimalApiOnKestrel(environment.Proxy.Url);
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var credentials = await environment.RegisterClientAsync("read:deployments");
        await using var provider = Worker(credentials.ClientId, credentials.Secret, address);
        var poller = provider.GetRequiredService<DeploymentPoller>();

        // Act
        var first = await poller.PollOnceAsync(CancellationToken.None);
        var second = await poller.PollOnceAsync(CancellationToken.None);

        // Assert
        first.Should().ContainSingle(d => d.Application == "inventory-service" && d.Status == "succeeded");
        second.Should().BeEquivalentTo(first);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }

    [Fact]
    public async Task The_worker_reports_a_refused_secret_and_keeps_going()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync("read:deployments");
        await using var provider = Worker(credentials.ClientId, "revoked", environment.Api.Url);

        // Act
        var deployments = await provider.GetRequiredService<DeploymentPoller>().PollOnceAsync(CancellationToken.None);

        // Assert
        deployments.Should().BeEmpty();
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }

    /// <summary>The worker's services as its Program.cs adds them, configured as the README's walkthrough does.</summary>
    private ServiceProvider Worker(string clientId, string secret, string apiAddress)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalekit:EnvironmentUrl"] = environment.Proxy.Url,
            ["SCALEKIT_CLIENT_ID"] = clientId,
            ["SCALEKIT_CLIENT_SECRET"] = secret,
            ["DeploymentsApi:BaseAddress"] = apiAddress,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddDeploymentsClient(configuration).AddSingleton<DeploymentPoller>();
        return services.BuildServiceProvider();
    }

    private sealed class MinimalApiOnKestrel : WebApplicationFactory<MinimalApiEntryPoint>
    {
        private readonly string _environmentUrl;

        public MinimalApiOnKestrel(string environmentUrl)
        {
            _environmentUrl = environmentUrl;
            UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseSetting("SCALEKIT_ENVIRONMENT_URL", _environmentUrl);
    }
}
