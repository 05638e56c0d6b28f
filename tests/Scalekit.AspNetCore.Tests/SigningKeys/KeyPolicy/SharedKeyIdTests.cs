using System.Net;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Several keys may share a <c>kid</c> (RFC 7517 §4.5): all are kept, and a token is verified with those of its
/// <c>kid</c> whose type and algorithm fit.
/// </summary>
public sealed class SharedKeyIdTests
{
    private const string SharedKid = "snk_shared";

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_RSA_and_an_EC_key_under_one_kid_each_verify_their_own_tokens(int signer)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        TestSigningKey[] keys =
        [
            host.Issuer.Publish(TestSigningKey.Create(SharedKid)),
            host.Issuer.Publish(TestSigningKey.CreateEc(JsonWebKeyECTypes.P256, SharedKid)),
        ];

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(keys[signer]));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Two_RSA_keys_under_one_kid_each_verify_their_own_tokens(int signer)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        TestSigningKey[] keys =
        [
            host.Issuer.Publish(TestSigningKey.Create(SharedKid)),
            host.Issuer.Publish(TestSigningKey.Create(SharedKid)),
        ];

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(keys[signer]));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_under_a_shared_kid_signed_by_none_of_its_keys_is_refused()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        host.Issuer.Publish(TestSigningKey.Create(SharedKid));
        host.Issuer.Publish(TestSigningKey.Create(SharedKid));

        // Act
        using var response = await host.GetAsync(host.TokenSignedBy(TestSigningKey.Create(SharedKid)));

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.InvalidSignature);
    }
}
