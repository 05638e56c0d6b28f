namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// One issuer and one API with the default options (plus the <see cref="ProbeEndpoints"/>), shared by the tests of a
/// class. For tests that need other options, <see cref="StartApiAsync"/> starts another API on the same issuer.
/// </summary>
public sealed class ScalekitApiFixture : IAsyncLifetime
{
    public JwksServer Issuer { get; private set; } = null!;

    public ApiHost Api { get; private set; } = null!;

    /// <summary>A separate API trusting <see cref="Issuer"/>, configured by <paramref name="configure"/>; the caller disposes it.</summary>
    public Task<ApiHost> StartApiAsync(Action<ScalekitApiAuthOptions> configure) =>
        ApiHost.StartAsync(Issuer, configure, map: ProbeEndpoints.Map);

    public async Task InitializeAsync()
    {
        Issuer = await JwksServer.StartAsync();
        Api = await ApiHost.StartAsync(Issuer, map: ProbeEndpoints.Map);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
