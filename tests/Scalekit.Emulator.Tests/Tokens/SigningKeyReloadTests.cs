using Microsoft.Extensions.Time.Testing;
using Scalekit.Emulator.Tests.Framework;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator.Tests.Tokens;

/// <summary>
/// The signing keys are held in memory; a rotation that another process writes to the database file (the
/// <c>rotate-keys</c> command) reaches a running emulator at its next reload, <see cref="SigningKeyRing.ReloadInterval"/> later.
/// </summary>
public sealed class SigningKeyReloadTests : EmulatorTest, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    /// <summary>The command stamps its key with the system clock, so this emulator's fake clock starts there.</summary>
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private string _oldKid = null!;

    public SigningKeyReloadTests()
        : base(registerClient: false)
    {
    }

    protected override TimeProvider? EmulatorClock => _clock;

    public void Dispose() => _database.Dispose();

    protected override void Configure(ScalekitEmulatorOptions options) => options.Database = _database.Path;

    protected override async Task ArrangeAsync() => _oldKid = (await Emulator.GetPublishedKidsAsync()).Single();

    [Fact]
    public async Task Until_the_reload_interval_passes_the_jwks_publishes_the_keys_in_memory()
    {
        // Arrange
        await RotateWithTheCommandAsync();

        // Act
        _clock.Advance(SigningKeyRing.ReloadInterval - TimeSpan.FromSeconds(1));

        // Assert
        (await Emulator.GetPublishedKidsAsync()).Should().Equal(_oldKid);
    }

    [Fact]
    public async Task After_the_reload_interval_the_jwks_publishes_the_key_the_command_added()
    {
        // Arrange
        await RotateWithTheCommandAsync();

        // Act
        _clock.Advance(SigningKeyRing.ReloadInterval);

        // Assert
        var published = await Emulator.GetPublishedKidsAsync();
        published.Should().HaveCount(2).And.StartWith(_oldKid);
    }

    private async Task RotateWithTheCommandAsync()
    {
        var (exitCode, _, error) = await EmulatorCli.RunAsync(
            Path.GetDirectoryName(_database.Path)!, "rotate-keys", "--grace-seconds", "3600", $"--Emulator:Database={_database.Path}");
        exitCode.Should().Be(0, error);
    }
}
