using Microsoft.Extensions.Time.Testing;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Tokens;

/// <summary><see cref="ScalekitEmulatorHost.RotateSigningKey"/>: the new key signs at once, the old one stays published for the grace period.</summary>
public sealed class SigningKeyRingTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);
    private readonly FakeTimeProvider _time = Clock.Fake();
    private TestEmulator _emulator = null!;
    private RegisteredClient _client = null!;
    private string _oldKid = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(options => options.KeyRotationGracePeriod = TimeSpan.FromMinutes(10), _time);
        _client = await _emulator.RegisterClientAsync();
        _oldKid = (await _emulator.GetPublishedKidsAsync()).Single();
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task After_a_rotation_the_jwks_publishes_the_old_and_the_new_key()
    {
        // Act
        var newKid = _emulator.Host.RotateSigningKey(Grace);

        // Assert
        newKid.Should().MatchRegex(@"^snk_\d{17}$").And.NotBe(_oldKid);
        (await _emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid, newKid);
    }

    [Fact]
    public async Task After_a_rotation_new_tokens_carry_the_new_kid()
    {
        // Arrange
        var newKid = _emulator.Host.RotateSigningKey(Grace);

        // Act
        var token = await _emulator.GetAccessTokenAsync(_client);

        // Assert
        Jwt.Header(token).GetProperty("kid").GetString().Should().Be(newKid);
    }

    [Fact]
    public async Task A_token_signed_before_the_rotation_still_validates_during_the_grace_period()
    {
        // Arrange
        var token = await _emulator.GetAccessTokenAsync(_client);
        _emulator.Host.RotateSigningKey(Grace);
        _time.Advance(Grace - TimeSpan.FromSeconds(1));

        // Act
        var result = await Jwt.ValidateAsync(token, await _emulator.GetKeysJsonAsync(), _emulator.EnvironmentUrl, SampleClient.Audience, _time);

        // Assert
        result.IsValid.Should().BeTrue(result.Exception?.Message);
    }

    [Fact]
    public async Task The_old_key_stays_published_until_the_grace_period_ends()
    {
        // Arrange
        var newKid = _emulator.Host.RotateSigningKey(Grace);

        // Act
        _time.Advance(Grace - TimeSpan.FromSeconds(1));

        // Assert
        (await _emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid, newKid);
    }

    [Fact]
    public async Task After_the_grace_period_the_old_key_is_gone()
    {
        // Arrange
        var newKid = _emulator.Host.RotateSigningKey(Grace);

        // Act
        _time.Advance(Grace);

        // Assert
        (await _emulator.GetPublishedKidsAsync()).Should().Equal(newKid);
    }

    [Fact]
    public async Task After_the_grace_period_a_token_of_the_old_key_no_longer_validates()
    {
        // Arrange
        var token = await _emulator.GetAccessTokenAsync(_client);
        _emulator.Host.RotateSigningKey(Grace);

        // Act
        _time.Advance(Grace);

        // Assert
        var result = await Jwt.ValidateAsync(token, await _emulator.GetKeysJsonAsync(), _emulator.EnvironmentUrl, SampleClient.Audience, _time);
        result.IsValid.Should().BeFalse();
    }

    [Fact]
    public async Task Without_a_grace_period_the_configured_one_applies()
    {
        // Arrange
        var newKid = _emulator.Host.RotateSigningKey();
        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var during = await _emulator.GetPublishedKidsAsync();

        // Act
        _time.Advance(TimeSpan.FromSeconds(1));

        // Assert
        during.Should().Equal(_oldKid, newKid);
        (await _emulator.GetPublishedKidsAsync()).Should().Equal(newKid);
    }

    [Fact]
    public async Task A_second_rotation_keeps_the_first_keys_own_retirement_time()
    {
        // Arrange
        var second = _emulator.Host.RotateSigningKey(Grace);
        _time.Advance(TimeSpan.FromMinutes(1));
        var third = _emulator.Host.RotateSigningKey(Grace);

        // Act
        _time.Advance(Grace - TimeSpan.FromMinutes(1));

        // Assert
        (await _emulator.GetPublishedKidsAsync()).Should().Equal(second, third);
    }
}
