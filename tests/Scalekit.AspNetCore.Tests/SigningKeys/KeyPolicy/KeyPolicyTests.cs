using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>
/// Keys of the JWKS that may not verify tokens (RFC 7518 §3.3–3.5, RFC 8725 §3.1, RFC 7517 §4.2–4.3) are skipped
/// when the JWKS is read, and listed in one warning per fetch with why; the issuer's usable keys keep working.
/// </summary>
public sealed class KeyPolicyTests
{
    private const string SkippedEvent = "SigningKeysSkipped";

    [Theory]
    [InlineData("RSA 1024")]
    [InlineData("RSA 2040, its modulus padded to 2048 bits with a zero byte")]
    [InlineData("use enc")]
    [InlineData("key_ops sign only")]
    public async Task A_token_signed_by_a_key_the_JWKS_may_not_use_is_refused(string published)
    {
        // Arrange: the issuer publishes the unusable key beside its usable primary key
        await using var host = await SigningKeysHost.StartAsync();
        var key = host.Issuer.Publish(Unusable(published));

        // Act
        using var response = await host.GetAsync(host.Issuer.TokenSignedDirectlyBy(key));

        // Assert
        response.ShouldRefuseAsInvalidToken(TokenErrors.SigningKeyNotFound);
    }

    [Fact]
    public async Task A_key_whose_key_ops_hold_verify_is_used()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        var key = host.Issuer.Publish(TestSigningKey.Create().WithJwk(jwk => jwk["key_ops"] = new[] { "verify" }));

        // Act
        var status = await host.StatusOfAsync(host.TokenSignedBy(key));

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_usable_keys_of_a_JWKS_keep_working_beside_skipped_ones()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync();
        host.Issuer.Publish(Unusable("RSA 1024"));
        host.Issuer.Publish(Unusable("OKP"));

        // Act
        var status = await host.StatusOfAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("RSA 1024", SigningKeyReader.Reasons.RsaKeyTooSmall)]
    [InlineData("RSA 2040, its modulus padded to 2048 bits with a zero byte", SigningKeyReader.Reasons.RsaKeyTooSmall)]
    [InlineData("RSA without e", SigningKeyReader.Reasons.IncompleteRsaKey)]
    [InlineData("RSA with alg ES256", SigningKeyReader.Reasons.AlgorithmNotAllowed)]
    [InlineData("RSA with alg HS256", SigningKeyReader.Reasons.AlgorithmNotAllowed)]
    [InlineData("RSA with n not base64url", SigningKeyReader.Reasons.Malformed)]
    [InlineData("RSA with non-zero spare bits at the end of e", SigningKeyReader.Reasons.Malformed)]
    [InlineData("EC on secp256k1", SigningKeyReader.Reasons.UnsupportedCurve)]
    [InlineData("EC P-384 with alg ES256", SigningKeyReader.Reasons.AlgorithmNotAllowed)]
    [InlineData("EC without y", SigningKeyReader.Reasons.IncompleteEcKey)]
    [InlineData("EC point off the curve", SigningKeyReader.Reasons.InvalidEcPoint)]
    [InlineData("EC x one byte short", SigningKeyReader.Reasons.InvalidEcPoint)]
    [InlineData("oct", SigningKeyReader.Reasons.UnsupportedKeyType)]
    [InlineData("OKP", SigningKeyReader.Reasons.UnsupportedKeyType)]
    [InlineData("use enc", SigningKeyReader.Reasons.NotForSignatures)]
    [InlineData("key_ops sign only", SigningKeyReader.Reasons.NoVerifyOperation)]
    public async Task A_skipped_key_is_logged_with_its_kid_and_the_reason(string published, string reason)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        var key = host.Issuer.Publish(Unusable(published));

        // Act
        await host.AssertAcceptedAsync();

        // Assert: keys[0] is the primary key
        SigningKeyLogs.Of(host, SkippedEvent).Should().ContainSingle()
            .Which.Message.Should().Contain($"keys[1] {key.Kid}: {reason}.");
    }

    [Theory]
    [InlineData("no kid", SigningKeyReader.Reasons.NoKid)]
    [InlineData("kid not a string", SigningKeyReader.Reasons.Malformed)]
    public async Task A_skipped_key_without_a_kid_is_logged_by_its_position(string published, string reason)
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        host.Issuer.Publish(Unusable(published));

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        SigningKeyLogs.Of(host, SkippedEvent).Should().ContainSingle()
            .Which.Message.Should().Contain($"keys[1]: {reason}.");
    }

    [Fact]
    public async Task One_warning_per_fetch_lists_every_skipped_key()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        var small = host.Issuer.Publish(Unusable("RSA 1024"));
        var encryption = host.Issuer.Publish(Unusable("use enc"));
        var edwards = host.Issuer.Publish(Unusable("OKP"));

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        var warning = SigningKeyLogs.Of(host, SkippedEvent).Should().ContainSingle().Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Be(
            $"Skipped 3 key(s) of the Scalekit JWKS at {host.Issuer.EnvironmentUrl}/keys that cannot verify tokens: "
            + $"keys[1] {small.Kid}: {SigningKeyReader.Reasons.RsaKeyTooSmall}; "
            + $"keys[2] {encryption.Kid}: {SigningKeyReader.Reasons.NotForSignatures}; "
            + $"keys[3] {edwards.Kid}: {SigningKeyReader.Reasons.UnsupportedKeyType}.");
    }

    [Fact]
    public async Task The_warning_lists_ten_skipped_keys_and_counts_the_rest()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        var small = Unusable("RSA 1024");
        var kids = Enumerable.Range(1, 12).Select(i => host.Issuer.Publish(small.WithKid($"snk_small_{i}")).Kid).ToList();

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        var message = SigningKeyLogs.Of(host, SkippedEvent).Should().ContainSingle().Subject.Message;
        message.Should().StartWith("Skipped 12 key(s)").And.Contain($"keys[10] {kids[9]}: ").And.EndWith("; and 2 more.");
        message.Should().NotContain(kids[10]);
    }

    [Fact]
    public async Task Every_fetch_of_a_JWKS_with_skipped_keys_logs_its_own_warning()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        host.Issuer.Publish(Unusable("RSA 1024"));
        await host.AssertAcceptedAsync();

        // Act
        await host.RefreshInBackgroundAsync();

        // Assert
        SigningKeyLogs.Of(host, SkippedEvent).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_JWKS_of_usable_keys_logs_no_skip_warning()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        host.Issuer.Publish(TestSigningKey.CreateEc(JsonWebKeyECTypes.P256));

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        SigningKeyLogs.Of(host, SkippedEvent).Should().BeEmpty();
    }

    [Fact]
    public async Task A_skipped_kid_is_logged_shortened_and_without_control_characters()
    {
        // Arrange: a kid with a control character, longer than the 64 characters a log shows
        await using var host = await SigningKeysHost.StartAsync(services: SigningKeyLogs.Capture);
        host.Issuer.Publish(TestSigningKey.CreateRsa(1024, "snk_\u001b[31m" + new string('a', 100)));

        // Act
        await host.AssertAcceptedAsync();

        // Assert
        SigningKeyLogs.Of(host, SkippedEvent).Should().ContainSingle()
            .Which.Message.Should().Contain($"keys[1] snk_?[31m{new string('a', 55)}…: {SigningKeyReader.Reasons.RsaKeyTooSmall}.")
            .And.NotContain("\u001b");
    }

    [Fact]
    public async Task A_JWKS_whose_every_key_is_skipped_fails_the_fetch_as_holding_no_usable_key()
    {
        // Arrange
        await using var host = await SigningKeysHost.StartAsync(JwksMode.Unusable, services: SigningKeyLogs.Capture);

        // Act
        var status = await host.StatusWithFetchAsync(host.ValidToken());

        // Assert
        status.Should().Be(HttpStatusCode.ServiceUnavailable);
        SigningKeyLogs.Of(host, "SigningKeysFetchFailed").Should().ContainSingle()
            .Which.Message.Should().Contain("the JWKS holds no usable signing key");
    }

    /// <summary>
    /// The catalogue of unusable keys the theories pick from by name: each one a real key pair (so that a token can
    /// be signed by it where that makes sense) whose JWK breaks one rule.
    /// </summary>
    private static TestSigningKey Unusable(string name) => name switch
    {
        "RSA 1024" => TestSigningKey.CreateRsa(1024),
        "RSA 2040, its modulus padded to 2048 bits with a zero byte" =>
            TestSigningKey.CreateRsa(2040).WithJwk(jwk => jwk["n"] = Base64UrlEncoder.Encode([0, .. Decoded(jwk, "n")])),
        "RSA without e" => TestSigningKey.Create().WithJwk(jwk => jwk.Remove("e")),
        "RSA with alg ES256" => TestSigningKey.Create().WithJwk(jwk => jwk["alg"] = SecurityAlgorithms.EcdsaSha256),
        "RSA with alg HS256" => TestSigningKey.Create().WithJwk(jwk => jwk["alg"] = SecurityAlgorithms.HmacSha256),
        "RSA with n not base64url" => TestSigningKey.Create().WithJwk(jwk => jwk["n"] = "not*base64url"),
        "RSA with non-zero spare bits at the end of e" => TestSigningKey.Create().WithJwk(jwk => jwk["e"] = "AQB"), // 0x01 0x00, then 2 spare bits that should be 0
        "EC on secp256k1" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P256).WithJwk(jwk => jwk["crv"] = "secp256k1"),
        "EC P-384 with alg ES256" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P384).WithJwk(jwk => jwk["alg"] = SecurityAlgorithms.EcdsaSha256),
        "EC without y" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P256).WithJwk(jwk => jwk.Remove("y")),
        "EC point off the curve" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P256).WithJwk(jwk =>
        {
            var y = Decoded(jwk, "y");
            y[^1] ^= 1;
            jwk["y"] = Base64UrlEncoder.Encode(y);
        }),
        "EC x one byte short" => TestSigningKey.CreateEc(JsonWebKeyECTypes.P256).WithJwk(jwk => jwk["x"] = Base64UrlEncoder.Encode(Decoded(jwk, "x")[1..])),
        "oct" => TestSigningKey.Create().WithJwk(jwk => Replace(jwk, ("kty", "oct"), ("alg", SecurityAlgorithms.HmacSha256), ("k", "c2VjcmV0LXNoYXJlZC13aXRoLWV2ZXJ5b25l"))),
        "OKP" => TestSigningKey.Create().WithJwk(jwk => Replace(jwk, ("kty", "OKP"), ("crv", "Ed25519"), ("x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))),
        "use enc" => TestSigningKey.Create().WithJwk(jwk => jwk["use"] = "enc"),
        "key_ops sign only" => TestSigningKey.Create().WithJwk(jwk => jwk["key_ops"] = new[] { "sign" }),
        "no kid" => TestSigningKey.Create().WithJwk(jwk => jwk.Remove("kid")),
        "kid not a string" => TestSigningKey.Create().WithJwk(jwk => jwk["kid"] = 42),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not in the catalogue"),
    };

    private static byte[] Decoded(Dictionary<string, object> jwk, string member) => Base64UrlEncoder.DecodeBytes((string)jwk[member]);

    /// <summary>Keeps only the <c>kid</c> of <paramref name="jwk"/> and sets <paramref name="members"/>: a key of another type.</summary>
    private static void Replace(Dictionary<string, object> jwk, params (string Name, string Value)[] members)
    {
        var kid = jwk["kid"];
        jwk.Clear();
        jwk["kid"] = kid;
        foreach (var (member, value) in members)
        {
            jwk[member] = value;
        }
    }
}
