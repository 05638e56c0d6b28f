namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// One <see cref="JwksServer"/> shared by the tests of a class, for tests that build their own applications
/// (cheap on TestServer) against it.
/// </summary>
public sealed class IssuerFixture : IAsyncLifetime
{
    public JwksServer Issuer { get; private set; } = null!;

    public async Task InitializeAsync() => Issuer = await JwksServer.StartAsync();

    public async Task DisposeAsync() => await Issuer.DisposeAsync();
}
