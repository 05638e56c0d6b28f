using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.SigningKeys;

/// <summary>The key set on its own: what the resolver and the validated-token cache are handed, refresh after refresh.</summary>
public sealed class SigningKeySetTests
{
    private const string SharedKid = "snk_shared";
    private static readonly TestSigningKey Rsa = TestSigningKey.Create(SharedKid);
    private static readonly TestSigningKey OtherRsa = TestSigningKey.Create(SharedKid);
    private static readonly TestSigningKey Ec = TestSigningKey.CreateEc(JsonWebKeyECTypes.P256, SharedKid);

    [Fact]
    public void Find_hands_out_only_the_keys_of_the_kid_bound_to_the_tokens_algorithm()
    {
        // Arrange
        var set = SetOf(null, Rsa, OtherRsa, Ec);

        // Act
        var found = set.Find(SharedKid, SecurityAlgorithms.RsaSha256);

        // Assert
        found.Select(Thumbprint).Should().Equal(Thumbprint(Rsa), Thumbprint(OtherRsa));
    }

    [Theory]
    [InlineData(SharedKid, SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SharedKid, null)]
    [InlineData("snk_other", SecurityAlgorithms.RsaSha256)]
    [InlineData(null, SecurityAlgorithms.RsaSha256)]
    public void Find_hands_out_nothing_for_another_kid_or_algorithm(string? kid, string? alg)
    {
        // Arrange
        var set = SetOf(null, Rsa, Ec);

        // Act
        var found = set.Find(kid, alg);

        // Assert
        found.Should().BeEmpty();
    }

    [Fact]
    public void Find_allocates_nothing()
    {
        // Arrange
        var set = SetOf(null, Rsa, Ec);
        set.Find(SharedKid, SecurityAlgorithms.EcdsaSha256);
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Act
        for (var i = 0; i < 1000; i++)
        {
            set.Find(SharedKid, SecurityAlgorithms.EcdsaSha256);
            set.Find(SharedKid, SecurityAlgorithms.RsaSha512);
        }

        // Assert
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void Every_key_of_a_shared_kid_unchanged_by_a_refresh_stays_the_same_instance()
    {
        // Arrange
        var before = SetOf(null, Rsa, OtherRsa, Ec);

        // Act
        var after = SetOf(before, Rsa, OtherRsa, Ec, TestSigningKey.Create());

        // Assert
        after.Find(SharedKid, SecurityAlgorithms.RsaSha256).Should().Equal(before.Find(SharedKid, SecurityAlgorithms.RsaSha256));
        after.Find(SharedKid, SecurityAlgorithms.EcdsaSha256).Should().Equal(before.Find(SharedKid, SecurityAlgorithms.EcdsaSha256));
    }

    [Fact]
    public void A_key_published_again_with_another_algorithm_is_a_new_instance()
    {
        // Arrange
        var before = SetOf(null, Rsa);
        var key = before.Find(SharedKid, SecurityAlgorithms.RsaSha256).Single();

        // Act
        var after = SetOf(before, Rsa.WithJwk(jwk => jwk["alg"] = SecurityAlgorithms.RsaSsaPssSha256));

        // Assert
        after.Holds(SharedKid, key).Should().BeFalse();
    }

    [Fact]
    public void Holds_recognises_each_key_published_under_a_shared_kid()
    {
        // Arrange
        var set = SetOf(null, Rsa, Ec);
        var keys = set.Find(SharedKid, SecurityAlgorithms.RsaSha256).Concat(set.Find(SharedKid, SecurityAlgorithms.EcdsaSha256)).ToList();

        // Act
        var held = keys.Select(k => set.Holds(SharedKid, k));

        // Assert
        held.Should().Equal(true, true);
    }

    [Fact]
    public void Holds_does_not_recognise_equal_key_material_of_another_instance()
    {
        // Arrange
        var set = SetOf(null, Rsa);
        var lookalike = SetOf(null, Rsa).Find(SharedKid, SecurityAlgorithms.RsaSha256).Single();

        // Act
        var held = set.Holds(SharedKid, lookalike);

        // Assert
        held.Should().BeFalse();
    }

    [Fact]
    public void A_key_repeated_under_its_kid_and_algorithm_is_kept_once()
    {
        // Arrange
        var keys = new[] { Rsa, Rsa };

        // Act
        var set = SetOf(null, keys);

        // Assert
        set.Count.Should().Be(1);
    }

    /// <summary>The set <see cref="SigningKeyReader"/> makes of a JWKS publishing <paramref name="keys"/>, as a refresh after <paramref name="previous"/>.</summary>
    private static SigningKeySet SetOf(SigningKeySet? previous, params TestSigningKey[] keys)
    {
        var json = JsonSerializer.Serialize(new { keys = keys.Select(k => k.PublicJwk) });
        return new SigningKeySet(SigningKeyReader.Read(json).Keys, DateTimeOffset.UnixEpoch, previous);
    }

    private static string Thumbprint(SecurityKey key) => Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());

    private static string Thumbprint(TestSigningKey key) => Thumbprint(key.PrivateKey);
}
