using ControllerApi;
using Microsoft.AspNetCore.Mvc.Testing;
using MinimalApi;
using Scalekit.AspNetCore.Testing;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Examples;

/// <summary>
/// Both example apps, started through <see cref="WebApplicationFactory{TEntryPoint}"/> exactly as their Program.cs
/// builds them, trusting one <see cref="ScalekitTestAuthority"/> (the test kit, as the README shows it to users).
/// </summary>
public sealed class ExampleApps : IDisposable
{
    public const string Minimal = "MinimalApi";
    public const string Controllers = "ControllerApi";

    /// <summary>The custom claims of the documented example client.</summary>
    public static readonly IReadOnlyDictionary<string, string> CustomClaims = new Dictionary<string, string>
    {
        ["github_repository"] = "acmecorp/inventory-service",
        ["environment"] = "production_us",
    };

    private readonly WebApplicationFactory<MinimalApiEntryPoint> _minimal = new();
    private readonly WebApplicationFactory<ControllerApiEntryPoint> _controllers = new();
    private readonly Dictionary<string, HttpClient> _clients;

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

    public HttpClient Client(string app) => _clients[app];

    /// <summary>A token of the documented example client with <paramref name="scopes"/>.</summary>
    public string Token(string[] scopes) => Authority.CreateToken(scopes: scopes, customClaims: CustomClaims);

    public void Dispose()
    {
        _minimal.Dispose();
        _controllers.Dispose();
        Authority.Dispose();
    }
}
