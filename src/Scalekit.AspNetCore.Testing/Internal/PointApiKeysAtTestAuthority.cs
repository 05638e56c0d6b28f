using Microsoft.Extensions.Options;
using Scalekit.Client;

namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// Gives the resource server's API key HttpClient (<see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/>) the
/// authority's environment and environment client, whatever the app configured under <c>Scalekit:Management</c>: the
/// keys of <see cref="ScalekitTestAuthority.CreateApiKey"/> are validated at the authority, in memory.
/// </summary>
internal sealed class PointApiKeysAtTestAuthority(ScalekitTestAuthority authority) : IPostConfigureOptions<ScalekitClientCredentialsOptions>
{
    public void PostConfigure(string? name, ScalekitClientCredentialsOptions options)
    {
        if (name != ScalekitApiAuthDefaults.ApiKeysHttpClientName)
        {
            return;
        }

        options.EnvironmentUrl = authority.Issuer;
        options.ClientId = authority.EnvironmentClientId;
        options.ClientSecret = authority.EnvironmentClientSecret;
        options.AllowedHosts.Add(new Uri(authority.Issuer).GetLeftPart(UriPartial.Authority));
    }
}
