using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Tokens;

/// <summary><see cref="ScalekitEmulatorHost.RotateSigningKey"/>: the new key signs at once, the old one stays published for the grace period.</summary>
public sealed class SigningKeyRingTests : EmulatorTest
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);
    private string _oldKid = null!;

    protected override void Configure(ScalekitEmulatorOptions options) => options.KeyRotationGracePeriod = TimeSpan.FromMinutes(10);

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        _oldKid = (await Emulator.GetPublishedKidsAsync()).Single();
    }

    [Fact]
    public async Task After_a_rotation_the_jwks_publishes_the_old_and_the_new_key()
    {
        // Act
        var newKid = Emulator.Host.RotateSigningKey(Grace);

        // Assert
        newKid.Should().MatchRegex(@"^snk_\d{17}$").And.NotBe(_oldKid);
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid, newKid);
    }

    [Fact]
    public async Task After_a_rotation_new_tokens_carry_the_new_kid()
    {
        // Arrange
        var newKid = Emulator.Host.RotateSigningKey(Grace);

        // Act
        var token = await Emulator.GetAccessTokenAsync(Client);

        // Assert
        Jwt.Header(token).GetProperty("kid").GetString().Should().Be(newKid);
    }

    [Fact]
    public async Task A_token_signed_before_the_rotation_still_validates_during_the_grace_period()
    {
        // Arrange
        var token = await Emulator.GetAccessTokenAsync(Client);
        Emulator.Host.RotateSigningKey(Grace);
        Time.Advance(Grace - TimeSpan.FromSeconds(1));

        // Act
        var result = await Jwt.ValidateAsync(token, await Emulator.GetKeysJsonAsync(), Emulator.EnvironmentUrl, SampleClient.Audience, Time);

        // Assert
        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }

    [Fact]
    public async Task The_old_key_stays_published_until_the_grace_period_ends()
    {
        // Arrange
        var newKid = Emulator.Host.RotateSigningKey(Grace);

        // Act
        Time.Advance(Grace - TimeSpan.FromSeconds(1));

        // Assert
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid, newKid);
    }

    [Fact]
    public async Task After_the_grace_period_the_old_key_is_gone()
    {
        // Arrange
        var newKid = Emulator.Host.RotateSigningKey(Grace);

        // Act
        Time.Advance(Grace);

        // Assert
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(newKid);
    }

    [Fact]
    public async Task After_the_grace_period_a_token_of_the_old_key_no_longer_validates()
    {
        // Arrange
        var token = await Emulator.GetAccessTokenAsync(Client);
        Emulator.Host.RotateSigningKey(Grace);

        // Act
        Time.Advance(Grace);

        // Assert
        var result = await Jwt.ValidateAsync(token, await Emulator.GetKeysJsonAsync(), Emulator.EnvironmentUrl, SampleClient.Audience, Time);
        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Without_a_grace_period_the_configured_one_applies()
    {
        // Arrange
        var newKid = Emulator.Host.RotateSigningKey();
        Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var during = await Emulator.GetPublishedKidsAsync();

        // Act
        Time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        during.Should().Equal(_oldKid, newKid);
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(newKid);
    }

    [Fact]
    public async Task A_second_rotation_keeps_the_first_keys_own_retirement_time()
    {
        // Arrange
        var second = Emulator.Host.RotateSigningKey(Grace);
        Time.Advance(TimeSpan.FromMinutes(1));
        var third = Emulator.Host.RotateSigningKey(Grace);

        // Act
        Time.Advance(Grace - TimeSpan.FromMinutes(1));

        // Assert
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(second, third);
    }
}
