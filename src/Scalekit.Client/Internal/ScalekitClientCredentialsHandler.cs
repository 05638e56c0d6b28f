using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.Client.Internal;

/// <summary>
/// Attaches <c>Authorization: Bearer &lt;token&gt;</c> to requests for the pinned hosts, from <see cref="TokenCache"/>.
/// When the API answers 401 with a Bearer challenge that a new token can fix, gets a new token and sends the request
/// once more. Requests for any other host fail before a token is attached.
/// </summary>
internal sealed class ScalekitClientCredentialsHandler(TokenRegistration registration, HostPin pin, TokenCache cache, ILogger<ScalekitClientCredentialsHandler> logger)
    : DelegatingHandler
{
    /// <summary>The handler of the HttpClient <paramref name="name"/>, with its validated options and pinned hosts.</summary>
    public static ScalekitClientCredentialsHandler Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(name);
        var baseAddress = HttpClientBaseAddress.Find(services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>(), name);
        return new ScalekitClientCredentialsHandler(
            TokenRegistration.From(name, options),
            HostPin.Create(baseAddress, options.AllowedHosts, options.RequireHttps),
            services.GetRequiredService<TokenCache>(),
            services.GetRequiredService<ILogger<ScalekitClientCredentialsHandler>>());
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri;
        if (uri is null || !pin.Allows(uri))
        {
            var origin = uri is null ? "(no address)" : HostPin.OriginOf(uri);
            logger.HostNotAllowed(registration.ClientId, origin, pin.ToString());
            throw new InvalidOperationException(
                $"Scalekit client credentials ({registration.Name}): refusing to send the access token to {origin}; allowed are {pin}. " +
                $"Point the HttpClient's BaseAddress at the API, or add its host to {ScalekitClientDefaults.ConfigurationSection}:AllowedHosts.");
        }

        // A body is buffered for the one retry unless it is known to be large (a file upload is sent once).
        var resendable = request.Content is null
            || (registration.BufferRequestContent && !(request.Content.Headers.ContentLength > registration.MaxBufferedRequestSize));
        if (request.Content is not null && resendable)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await cache.GetAsync(registration, rejectedToken: null, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!resendable || BearerChallengeReader.Reason(response) is not { } reason)
        {
            return response;
        }

        logger.TokenRejectedByApi(HostPin.OriginOf(uri), registration.ClientId, reason);
        response.Dispose();
        var fresh = await cache.GetAsync(registration, rejectedToken: token.Value, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
