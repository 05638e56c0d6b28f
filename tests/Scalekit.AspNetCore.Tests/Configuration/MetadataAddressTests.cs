using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Configuration;

public sealed class MetadataAddressTests
{
    public static TheoryData<string, string> LoopbackHttpAddresses => new()
    {
        { "Scalekit:EnvironmentUrl", "http://127.0.0.1:5000" },
        { "Scalekit:EnvironmentUrl", "http://localhost:5000" },
        { "Scalekit:EnvironmentUrl", "http://[::1]:5000" },
        { "Scalekit:JwksUri", "http://127.0.0.1:5000/keys" },
        { "Scalekit:JwksUri", "http://localhost:5000/keys" },
        { "Scalekit:DiscoveryUri", "http://[::1]:5000/.well-known/openid-configuration" },
    };

    [Theory, MemberData(nameof(LoopbackHttpAddresses))]
    public async Task Plain_http_to_a_loopback_host_is_allowed_for_the_local_emulator(string key, string address)
    {
        // Arrange
        var settings = ScalekitSettings.Valid((key, address));

        // Act
        var start = () => ScalekitSettings.StartAsync(settings);

        // Assert
        await start.Should().NotThrowAsync();
    }

    [Fact]
    public async Task Plain_http_to_another_host_is_allowed_when_https_metadata_is_turned_off()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(
            ("Scalekit:EnvironmentUrl", "http://scalekit.internal"),
            ("Scalekit:RequireHttpsMetadata", "false"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.RequireHttpsMetadata.Should().BeFalse();
    }
}
