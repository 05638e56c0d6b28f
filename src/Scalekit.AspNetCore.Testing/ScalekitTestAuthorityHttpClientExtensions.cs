using Scalekit.AspNetCore.Testing;
using Scalekit.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an HttpClient of the test's own services, such as <c>ScalekitManagementClient</c>'s, at a <see cref="ScalekitTestAuthority"/> in memory.</summary>
public static class ScalekitTestAuthorityHttpClientExtensions
{
    /// <summary>
    /// Makes <see cref="ScalekitTestAuthority.CreateHandler"/> the primary handler of this HttpClient and of the one its
    /// Scalekit client credentials get tokens with (<c>Scalekit.Token:&lt;name&gt;</c>), so that nothing leaves the
    /// process: the environment client's token comes from the authority's <c>/oauth/token</c>, API keys are validated
    /// at its <c>/api/v1/tokens:validate</c>. Chain it after <c>AddScalekitManagementClient</c> (configured with
    /// <see cref="ScalekitTestAuthority.Issuer"/>, <see cref="ScalekitTestAuthority.EnvironmentClientId"/> and
    /// <see cref="ScalekitTestAuthority.EnvironmentClientSecret"/>), so that it replaces the handlers that registration set.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddScalekitManagementClient(o =&gt;
    /// {
    ///     o.EnvironmentUrl = authority.Issuer;
    ///     o.ClientId = authority.EnvironmentClientId;
    ///     o.ClientSecret = authority.EnvironmentClientSecret;
    /// }).UseScalekitTestAuthority(authority);
    /// </code>
    /// </example>
    /// <param name="builder">The HttpClient builder, such as the one <c>AddScalekitManagementClient()</c> returns.</param>
    /// <param name="authority">The authority that answers.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IHttpClientBuilder UseScalekitTestAuthority(this IHttpClientBuilder builder, ScalekitTestAuthority authority)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(authority);
        builder.Services.AddHttpClient(ScalekitClientDefaults.TokenHttpClientNamePrefix + builder.Name).ConfigurePrimaryHttpMessageHandler(authority.CreateHandler);
        return builder.ConfigurePrimaryHttpMessageHandler(authority.CreateHandler);
    }
}
