using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Scalekit.AspNetCore.Testing;

/// <summary>Attaches a <see cref="ScalekitTestAuthority"/> to an app under test.</summary>
public static class ScalekitWebHostExtensions
{
    /// <summary>
    /// A factory for the same app, whose Scalekit schemes trust <paramref name="authority"/>: its JWKS is served in memory
    /// and the app's real validation runs on the tokens it mints. See
    /// <see cref="ScalekitTestAuthorityExtensions.AddScalekitTestAuthority"/> for what is replaced.
    /// </summary>
    /// <example>
    /// <code>
    /// using var authority = new ScalekitTestAuthority();
    /// using var app = factory.WithScalekitTestAuthority(authority);
    /// var client = app.CreateClient().WithScalekitToken(authority.CreateToken(scopes: ["read:deployments"]));
    /// </code>
    /// </example>
    /// <typeparam name="TEntryPoint">A type in the entry point assembly of the app.</typeparam>
    /// <param name="factory">The app's factory.</param>
    /// <param name="authority">The authority that mints the test's tokens.</param>
    /// <param name="configure">Adjusts each Scalekit scheme's options after the authority has set them.</param>
    /// <returns>The derived factory (created with <see cref="WebApplicationFactory{TEntryPoint}.WithWebHostBuilder"/>).</returns>
    public static WebApplicationFactory<TEntryPoint> WithScalekitTestAuthority<TEntryPoint>(
        this WebApplicationFactory<TEntryPoint> factory,
        ScalekitTestAuthority authority,
        Action<ScalekitApiAuthOptions>? configure = null)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(authority);

        var attached = factory.WithWebHostBuilder(builder => builder.UseScalekitTestAuthority(authority, configure));
        // A token minted before the first request needs the app's audience: reading Services starts the app.
        authority.StartAppOnDemand(() => _ = attached.Services);
        return attached;
    }

    /// <summary>
    /// Makes the host's Scalekit schemes trust <paramref name="authority"/>, for tests that build their host themselves
    /// (<c>builder.WebHost.UseTestServer().UseScalekitTestAuthority(authority)</c>). See
    /// <see cref="ScalekitTestAuthorityExtensions.AddScalekitTestAuthority"/> for what is replaced.
    /// </summary>
    /// <param name="builder">The web host builder.</param>
    /// <param name="authority">The authority that mints the test's tokens.</param>
    /// <param name="configure">Adjusts each Scalekit scheme's options after the authority has set them.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IWebHostBuilder UseScalekitTestAuthority(
        this IWebHostBuilder builder,
        ScalekitTestAuthority authority,
        Action<ScalekitApiAuthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(authority);

        // ConfigureServices, not ConfigureTestServices: the latter is ignored on WebApplicationBuilder.WebHost.
        return builder.ConfigureServices(services => services.AddScalekitTestAuthority(authority, configure));
    }
}
