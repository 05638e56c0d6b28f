using System.Net;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client.Tests.Framework;

namespace Scalekit.Client.Tests.SharedCache;

/// <summary>A shared cache that fails costs nothing but the sharing.</summary>
public sealed class SharedCacheFailureTests(ClientEnvironment environment) : IClassFixture<ClientEnvironment>
{
    [Fact]
    public async Task A_failing_distributed_cache_falls_back_to_the_token_endpoint_and_the_local_cache()
    {
        // Arrange
        var credentials = await environment.RegisterClientAsync();
        await using var services = ClientServices.Create(environment, credentials, o => o.UseSharedTokenCache = true, services: s =>
        {
            s.AddSingleton<IDistributedCache, BrokenDistributedCache>();
            s.AddHybridCache();
        });
        var client = services.CreateClient();

        // Act
        using var first = await client.GetAsync("api/deployments");
        using var second = await client.GetAsync("api/deployments");

        // Assert
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        environment.Proxy.TokenRequestsFor(credentials.ClientId).Should().Be(1);
    }
}
