using Microsoft.Extensions.Options;
using Scalekit.AspNetCore;
using Scalekit.AspNetCore.Testing;
using Scalekit.AspNetCore.Testing.Internal;
using Scalekit.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an app's Scalekit API authentication at a <see cref="ScalekitTestAuthority"/>.</summary>
public static class ScalekitTestAuthorityExtensions
{
    /// <summary>
    /// Replaces where the app's Scalekit schemes get their keys, and nothing else: every Scalekit scheme gets the
    /// authority's issuer as environment URL, its JWKS is served in memory by the primary handler of the
    /// <see cref="ScalekitApiAuthDefaults.BackchannelHttpClientName"/> client, and the audience becomes the authority's
    /// when it has one. When the app turns API keys on (<c>Scalekit:ApiKeys:Enabled</c>), they are validated at the
    /// authority too (<see cref="ScalekitTestAuthority.CreateApiKey"/>), with its environment client
    /// (<see cref="ScalekitTestAuthority.EnvironmentClientId"/>) whatever the app's <c>Scalekit:Management</c> says.
    /// Token validation, the key cache, scope policies and the 401/403 answers are the app's own.
    /// Call it after <c>AddScalekitApiAuth</c>.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="authority">The authority that mints the test's tokens.</param>
    /// <param name="configure">
    /// Adjusts each scheme's options after the authority has set them, for example to restore
    /// <c>Keys.UnknownKeyCooldown</c> (shortened to a tick, so that key rotations never depend on test order) or
    /// <c>Keys.WarmUp</c> (turned off, so that <c>JwksRequestCount</c> counts only what requests caused).
    /// </param>
    /// <returns>A reference to <paramref name="services"/> after the operation has completed.</returns>
    public static IServiceCollection AddScalekitTestAuthority(
        this IServiceCollection services,
        ScalekitTestAuthority authority,
        Action<ScalekitApiAuthOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(authority);

        services.AddSingleton<IPostConfigureOptions<ScalekitApiAuthOptions>>(new PointSchemesAtTestAuthority(authority, configure));
        services.AddHttpClient(ScalekitApiAuthDefaults.BackchannelHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new TestAuthorityHandler(authority));

        // API keys, for a scheme that turns them on: validated at the authority in memory, with its environment client.
        services.AddSingleton<IPostConfigureOptions<ScalekitClientCredentialsOptions>>(new PointApiKeysAtTestAuthority(authority));
        services.AddHttpClient(ScalekitApiAuthDefaults.ApiKeysHttpClientName).UseScalekitTestAuthority(authority);
        return services;
    }
}
