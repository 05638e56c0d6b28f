namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>With <c>DiscoveryUri</c> set (and <c>JwksUri</c> not), the JWKS address comes from the discovery document.</summary>
public sealed class DiscoveryTests
{
    [Fact]
    public async Task Tokens_validate_against_the_keys_the_discovery_document_points_to()
    {
        // Arrange
        await using var host = await StartWithDiscoveryAsync();

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        host.Issuer.DiscoveryCount.Should().Be(1);
        host.Issuer.FetchCount.Should().Be(1);
    }

    [Fact]
    public async Task The_discovery_document_is_read_once_across_refreshes()
    {
        // Arrange
        await using var host = await StartWithDiscoveryAsync();
        await host.AssertAcceptedAsync();

        // Act
        await host.RefreshInBackgroundAsync();
        await host.RefreshInBackgroundAsync();

        // Assert
        host.Issuer.FetchCount.Should().Be(3);
        host.Issuer.DiscoveryCount.Should().Be(1);
    }

    private static Task<SigningKeysHost> StartWithDiscoveryAsync() =>
        SigningKeysHost.StartAsync(configure: options =>
        {
            options.DiscoveryUri = options.EnvironmentUrl + "/.well-known/openid-configuration";
            options.JwksUri = null;
        });
}
