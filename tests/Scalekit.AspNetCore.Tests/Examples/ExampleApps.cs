using ControllerApi;
using Microsoft.AspNetCore.Mvc.Testing;
using MinimalApi;
using Scalekit.AspNetCore.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// The example apps: MinimalApi and ControllerApi started through <see cref="WebApplicationFactory{TEntryPoint}"/>
/// exactly as their Program.cs builds them, trusting one <see cref="ScalekitTestAuthority"/> (the test kit, as the
/// README shows it to users); AotApi as its native executable over HTTP, trusting an emulator
/// (<see cref="NativeAotApiProcess"/>, started on first use).
/// </summary>
public sealed class ExampleApps : IAsyncLifetime
{
    public const string Minimal = "MinimalApi";
    public const string Controllers = "ControllerApi";
    public const string Aot = "AotApi";

    /// <summary>The custom claims of the documented example client.</summary>
    public static readonly IReadOnlyDictionary<string, string> CustomClaims = new Dictionary<string, string>
    {
        ["github_repository"] = "acmecorp/inventory-service",
        ["environment"] = "production_us",
    };

    private readonly WebApplicationFactory<MinimalApiEntryPoint> _minimal = new();
    private readonly WebApplicationFactory<ControllerApiEntryPoint> _controllers = new();
    private readonly Dictionary<string, HttpClient> _clients;
    private readonly Lazy<Task<NativeAotApiProcess>> _aot = new(NativeAotApiProcess.StartAsync);

    public ExampleApps()
    {
        _clients = new()
        {
            [Minimal] = _minimal.WithScalekitTestAuthority(Authority).CreateClient(),
            [Controllers] = _controllers.WithScalekitTestAuthority(Authority).CreateClient(),
        };
    }

    /// <summary>Mints for the documented example client; both apps accept its tokens.</summary>
    public ScalekitTestAuthority Authority { get; } = new(o =>
    {
        o.ClientId = TestTokens.ClientId;
        o.OrganizationId = TestTokens.OrganizationId;
    });

    /// <summary>
    /// The apps whose contract runs here: all three, but AotApi only where it can be published or was (see
    /// <see cref="NativeAotApi.SkipReason"/>; on CI always, so that a missing compiler fails instead of hiding).
    /// </summary>
    public static IReadOnlyList<string> Names { get; } =
        NativeAotApi.SkipReason is null ? [Minimal, Controllers, Aot] : [Minimal, Controllers];

    public async Task<HttpClient> ClientAsync(string app) => app == Aot ? (await _aot.Value).Client : _clients[app];

    /// <summary>A token of the documented example client with <paramref name="scopes"/>, from the authority <paramref name="app"/> trusts.</summary>
    public async Task<string> TokenAsync(string app, string[] scopes) =>
        app == Aot ? await (await _aot.Value).TokenAsync(scopes) : Authority.CreateToken(scopes: scopes, customClaims: CustomClaims);

    /// <summary>The client and organization ids that <paramref name="app"/>'s tokens carry.</summary>
    public async Task<(string ClientId, string OrganizationId)> CallerAsync(string app) =>
        app == Aot ? ((await _aot.Value).ClientId, (await _aot.Value).OrganizationId) : (TestTokens.ClientId, TestTokens.OrganizationId);

    /// <summary>The native app, for the tests about it alone.</summary>
    public Task<NativeAotApiProcess> NativeAsync() => _aot.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _minimal.Dispose();
        _controllers.Dispose();
        Authority.Dispose();
        if (_aot.IsValueCreated && _aot.Value.IsCompletedSuccessfully)
        {
            await (await _aot.Value).DisposeAsync();
        }
    }
}
