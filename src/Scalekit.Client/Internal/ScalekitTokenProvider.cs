using Microsoft.Extensions.Options;

namespace Scalekit.Client.Internal;

/// <summary>The public face of <see cref="TokenCache"/>: tokens by HttpClient name.</summary>
internal sealed class ScalekitTokenProvider(IOptionsMonitor<ScalekitClientCredentialsOptions> options, IOptions<ScalekitClientRegistrations> registrations, TokenCache cache)
    : IScalekitTokenProvider
{
    public Task<ScalekitAccessToken> GetTokenAsync(string clientName, bool forceRefresh = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clientName);
        if (!registrations.Value.SectionByName.ContainsKey(clientName))
        {
            throw new InvalidOperationException(ScalekitClientRegistrations.NotRegistered(clientName));
        }

        var registration = TokenRegistration.From(clientName, options.Get(clientName));
        return cache.GetAsync(registration, forceRefresh ? cache.Current(registration)?.Value : null, cancellationToken);
    }
}
