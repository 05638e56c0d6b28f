using Microsoft.AspNetCore.Mvc.Testing;
using MinimalApi;

namespace Scalekit.AspNetCore.Testing.Tests.Framework;

/// <summary>
/// examples/MinimalApi, started through <see cref="WebApplicationFactory{TEntryPoint}"/> exactly as its Program.cs builds
/// it (appsettings.json: environment <c>http://127.0.0.1:5100</c>, audience <see cref="AppAudience"/>), with a
/// <see cref="ScalekitTestAuthority"/> attached as a user of the kit attaches it. A class fixture, or one per test when
/// the test changes the authority's keys.
/// </summary>
public sealed class AttachedApp : IDisposable
{
    public const string AppAudience = "deployment-api.acmecorp.com";
    public const string Read = "read:deployments";
    public const string Deploy = "deploy:applications";

    private readonly WebApplicationFactory<MinimalApiEntryPoint> _factory = new();

    public AttachedApp()
        : this(configureAuthority: null)
    {
    }

    private AttachedApp(Action<ScalekitTestAuthorityOptions>? configureAuthority, Action<ScalekitApiAuthOptions>? configure = null)
    {
        Authority = new ScalekitTestAuthority(configureAuthority);
        App = _factory.WithScalekitTestAuthority(Authority, configure);
    }

    public ScalekitTestAuthority Authority { get; }

    /// <summary>The derived factory; the app starts on its first client or token.</summary>
    public WebApplicationFactory<MinimalApiEntryPoint> App { get; }

    public static AttachedApp With(Action<ScalekitTestAuthorityOptions>? configureAuthority = null, Action<ScalekitApiAuthOptions>? configure = null) =>
        new(configureAuthority, configure);

    /// <summary>GET <paramref name="path"/> with <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path).WithScalekitToken(token);
        return await client.SendAsync(request);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Authority.Dispose();
    }
}
