using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Each key verifies exactly one algorithm (RFC 8725 §3.1): the JWK's <c>alg</c>, else RS256 for RSA and the curve's
/// algorithm for EC. A token whose header names another algorithm is refused, even when its signature is good.
/// </summary>
public sealed class AlgorithmBindingTests
{
    [Theory]
    [InlineData("RSA, alg RS256", SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData("RSA, alg RS256", SecurityAlgorithms.RsaSha512)]
    [InlineData("RSA, no alg", SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData("RSA, no alg", SecurityAlgorithms.RsaSha384)]
    [InlineData("RSA, alg PS256", SecurityAlgorithms.RsaSha256)]
    [InlineData("EC P-384, alg ES384", SecurityAlgorithms.EcdsaSha256)]
    [InlineData("EC P-256, no alg", SecurityAlgorithms.EcdsaSha384)]
    public async Task A_token_signed_with_another_algorithm_than_its_keys_is_refused(string published, string tokenAlgorithm)
    {
        // Arrange: the signature is made by the published key, with the token's algorithm
        await using var host = await SigningKeysHost.StartAsync();
        var key = host.Issuer.Publish(Key(published)).SigningWith(tokenAlgorithm);

        // Act
        using var response = await host.GetAsync(host.Issuer.TokenSignedDirectlyBy(key));

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.AlgorithmNotAllowed);
    }

    [Theory]
    [InlineData("RSA, no alg", SecurityAlgorithms.RsaSha256)]
    [InlineData("RSA, alg PS256", SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData("RSA, alg RS512", SecurityAlgorithms.RsaSha512)]
    [InlineData("EC P-256, no alg", SecurityAlgorithms.EcdsaSha256)]
    [InlineData("EC P-384, alg ES384", SecurityAlgorithms.EcdsaSha384)]
    [InlineData("EC P-521, no alg", SecurityAlgorithms.EcdsaSha512)]
    public async Task A_token_signed_with_its_keys_algorithm_is_accepted(string published, string tokenAlgorithm)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        var key = host.Issuer.Publish(Key(published)).SigningWith(tokenAlgorithm);

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(key));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_is_accepted_when_the_application_brings_back_the_legacy_token_handler()
    {
        // Arrange: UseSecurityTokenValidators hands the key resolver a JwtSecurityToken instead of a JsonWebToken
        await using var host = await SigningKeysHost.StartAsync(services: services =>
            services.PostConfigure<JwtBearerOptions>(
                ScalekitApiAuthDefaults.AuthenticationScheme, o => o.UseSecurityTokenValidators = true));

        // Act
        var status = await host.StatusOfAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>The published keys the theories pick from by name: key type and curve, and the JWK's <c>alg</c>, if any.</summary>
    private static TestSigningKey Key(string name) => name switch
    {
        "RSA, alg RS256" => TestSigningKey.Create(),
        "RSA, no alg" => TestSigningKey.Create().WithJwk(jwk => jwk.Remove("alg")),
        "RSA, alg PS256" => TestSigningKey.Create().WithJwk(jwk => jwk["alg"] = SecurityAlgorithms.RsaSsaPssSha256),
        "RSA, alg RS512" => TestSigningKey.Create().WithJwk(jwk => jwk["alg"] = SecurityAlgorithms.RsaSha512),
        "EC P-256, no alg" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P256).WithJwk(jwk => jwk.Remove("alg")),
        "EC P-384, alg ES384" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P384),
        "EC P-521, no alg" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P521).WithJwk(jwk => jwk.Remove("alg")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not in the catalogue"),
    };
}
