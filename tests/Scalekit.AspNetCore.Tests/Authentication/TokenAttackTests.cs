using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Authentication;

/// <summary>
/// Forged and altered tokens: each one is refused with 401 <c>invalid_token</c> and the description of its failure.
/// </summary>
/// <remarks>
/// What Microsoft.IdentityModel (JsonWebTokenHandler 8.23) actually throws, which sets the description:
/// a stripped signature gives IDX10504, a <c>SecurityTokenInvalidSignatureException</c>, and a key the JWKS does not hold
/// gives IDX10500 <c>SecurityTokenSignatureKeyNotFoundException</c>. An unsigned token (<c>alg: none</c>) or HS256 keyed
/// with the public key, under the real <c>kid</c>, does not get that far: each key is bound to one algorithm, no key of
/// that <c>kid</c> is bound to <c>none</c> or HS256, and the handler refuses the algorithm before any signature check.
/// </remarks>
public sealed class TokenAttackTests(ScalekitApiFixture fixture) : IClassFixture<ScalekitApiFixture>
{
    [Theory]
    [InlineData("alg none", TokenErrors.AlgorithmNotAllowed)] // unsigned, with the real kid
    [InlineData("alg None", TokenErrors.AlgorithmNotAllowed)]
    [InlineData("stripped signature", TokenErrors.InvalidSignature)] // header.payload.
    [InlineData("HS256 keyed with the public key as PEM", TokenErrors.AlgorithmNotAllowed)] // with the real kid
    [InlineData("HS256 keyed with the public key as SPKI DER", TokenErrors.AlgorithmNotAllowed)]
    [InlineData("HS256 keyed with the public key as PKCS#1 DER", TokenErrors.AlgorithmNotAllowed)]
    [InlineData("tampered", TokenErrors.InvalidSignature)] // payload swapped after signing
    [InlineData("unknown key", TokenErrors.SigningKeyNotFound)] // kid not in the JWKS, even after a refetch
    [InlineData("no kid", TokenErrors.SigningKeyNotFound)] // signed by the real key: still not tried without a kid
    [InlineData("unknown critical header", TokenErrors.CriticalHeader)] // signed by the real key, but crit names an extension nobody understands
    public async Task A_forged_or_altered_token_is_refused_with_the_reason_it_failed(string name, string description)
    {
        // Arrange
        var token = HostileTokens.Named(fixture.Issuer, name);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(description);
    }

    [Theory]
    [InlineData(false, TokenErrors.SigningKeyNotFound)]
    [InlineData(true, TokenErrors.InvalidSignature)]
    public async Task A_token_carrying_the_attackers_own_key_as_a_jwk_header_is_refused(bool reuseRealKid, string description)
    {
        // Arrange: the attacker signs with its key and embeds the public half; the key id is its own or the real one
        var attacker = AttackerKey(reuseRealKid);
        var token = HostileTokens.WithEmbeddedJwk(fixture.Issuer, attacker);

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(description);
    }

    [Theory]
    [InlineData("jku", false, TokenErrors.SigningKeyNotFound)]
    [InlineData("jku", true, TokenErrors.InvalidSignature)]
    [InlineData("x5u", false, TokenErrors.SigningKeyNotFound)]
    [InlineData("x5u", true, TokenErrors.InvalidSignature)]
    public async Task A_token_pointing_at_the_attackers_key_set_is_refused_without_fetching_it(string header, bool reuseRealKid, string description)
    {
        // Arrange: a second issuer, on loopback, serves the attacker's key set
        await using var attackerIssuer = await JwksServer.StartAsync(withKey: false);
        var attacker = attackerIssuer.Publish(AttackerKey(reuseRealKid));
        var token = HostileTokens.WithKeyUrl(fixture.Issuer, attacker, header, attackerIssuer.EnvironmentUrl + "/keys");

        // Act
        using var response = await fixture.Api.GetAsync("/authenticated", token);

        // Assert
        response.ShouldRefuseAsInvalidToken(description);
        attackerIssuer.FetchCount.Should().Be(0, "keys come from the configured JWKS only, never from a URL in the token");
    }

    private TestSigningKey AttackerKey(bool reuseRealKid) =>
        TestSigningKey.Create(reuseRealKid ? fixture.Issuer.PrimaryKey.Kid : null);
}
