using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Endpoints;

public sealed class DiscoveryEndpointsTests() : EmulatorTest(registerClient: false)
{
    [Fact]
    public async Task The_jwks_publishes_rsa_signing_keys_for_rs256()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/keys");
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Assert
        var keys = json.GetProperty("keys").EnumerateArray().ToList();
        keys.Should().ContainSingle();
        var key = keys[0];
        key.PropertyNames().Should().BeEquivalentTo("use", "kty", "kid", "alg", "n", "e");
        key.GetProperty("kty").GetString().Should().Be("RSA");
        key.GetProperty("use").GetString().Should().Be("sig");
        key.GetProperty("alg").GetString().Should().Be("RS256");
        key.GetProperty("kid").GetString().Should().MatchRegex(@"^snk_\d{17}$");
        key.GetProperty("e").GetString().Should().Be("AQAB");
        key.GetProperty("n").GetString().Should().HaveLength(342, "a 2048-bit modulus is 256 bytes, 342 base64url characters");
    }

    [Fact]
    public async Task The_jwks_holds_public_keys_only()
    {
        // Act
        var json = await Emulator.GetKeysJsonAsync();

        // Assert
        json.Should().NotContainAny("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    }

    [Fact]
    public async Task Discovery_names_the_environment_url_as_issuer_and_its_keys_as_jwks_uri()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/.well-known/openid-configuration");
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Assert
        json.GetProperty("issuer").GetString().Should().Be(Emulator.EnvironmentUrl);
        json.GetProperty("jwks_uri").GetString().Should().Be(Emulator.EnvironmentUrl + "/keys");
        json.GetProperty("token_endpoint").GetString().Should().Be(Emulator.EnvironmentUrl + "/oauth/token");
        json.GetProperty("grant_types_supported").Strings().Should().Equal("client_credentials");
        json.GetProperty("token_endpoint_auth_methods_supported").Strings().Should().BeEquivalentTo("client_secret_post", "client_secret_basic");
    }

    [Fact]
    public async Task A_configured_environment_url_is_the_issuer_without_its_trailing_slash()
    {
        // Arrange
        await using var emulator = await TestEmulator.StartAsync(options => options.EnvironmentUrl = "https://acme.scalekit.test/");

        // Act
        using var response = await emulator.Http.GetAsync("/.well-known/openid-configuration");
        var json = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);

        // Assert
        json.GetProperty("issuer").GetString().Should().Be("https://acme.scalekit.test");
        json.GetProperty("jwks_uri").GetString().Should().Be("https://acme.scalekit.test/keys");
    }
}
