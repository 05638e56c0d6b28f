namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// One emulator for all tests of a class, with the client of Scalekit's "Add auth to your APIs" guide registered, on a fake clock that never moves. Starting an
/// emulator costs an RSA key generation, so error matrices share one: their rows only read, or write into an
/// organization of their own.
/// </summary>
public sealed class SharedEmulator : IAsyncLifetime
{
    public TestEmulator Emulator { get; private set; } = null!;

    public RegisteredClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await TestEmulator.StartAsync(time: Clock.Fake());
        Client = await Emulator.RegisterClientAsync();
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

/// <summary>A test class on a <see cref="SharedEmulator"/>; a test must not change what another test of the class reads.</summary>
public abstract class SharedEmulatorTest(SharedEmulator shared) : IClassFixture<SharedEmulator>, IAsyncLifetime
{
    protected TestEmulator Emulator => shared.Emulator;

    protected RegisteredClient Client => shared.Client;

    public Task InitializeAsync() => ArrangeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What every test of the class needs, such as an organization of its own.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;
}
