using Microsoft.Extensions.Time.Testing;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// A test class whose every test gets a fresh emulator (in-memory database) on a fake clock that starts at
/// <see cref="Clock.Start"/>, far from the real one, so that nothing can lean on the system clock by accident; and, unless
/// <paramref name="registerClient"/> is <see langword="false"/>, the client of Scalekit's "Add auth to your APIs" guide in a new organization.
/// </summary>
public abstract class EmulatorTest(bool registerClient = true) : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = Clock.Fake();

    protected TestEmulator Emulator { get; private set; } = null!;

    /// <summary>The client registered before each test, unless the class said otherwise.</summary>
    protected RegisteredClient Client { get; set; } = null!;

    /// <summary>The emulator's clock: <see cref="Time"/>, or the system clock when <see langword="null"/>.</summary>
    protected virtual TimeProvider? EmulatorClock => Time;

    public async Task InitializeAsync()
    {
        Emulator = await TestEmulator.StartAsync(Configure, EmulatorClock);
        await ArrangeAsync();
    }

    public virtual async Task DisposeAsync() => await Emulator.DisposeAsync();

    /// <summary>Adjusts the emulator's options.</summary>
    protected virtual void Configure(ScalekitEmulatorOptions options)
    {
    }

    /// <summary>What every test of the class needs once the emulator runs.</summary>
    protected virtual async Task ArrangeAsync()
    {
        if (registerClient)
        {
            Client = await Emulator.RegisterClientAsync();
        }
    }
}
