using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.Client.Internal;

/// <summary>
/// Attaches <c>Authorization: Bearer &lt;token&gt;</c> to requests for the pinned hosts, from <see cref="TokenCache"/>.
/// When the API answers 401 with a Bearer challenge that a new token can fix, gets a new token and sends the request
/// once more; when the new token is refused too, <see cref="ApiRefusalBackoff"/> pauses further token requests. A 401
/// handed back to the caller carries the challenge's error and description in its reason phrase, so that
/// <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/> says why. Requests for any other host fail before a token
/// is attached.
/// </summary>
internal sealed class ScalekitClientCredentialsHandler(
    TokenRegistration registration, HostPin pin, TokenCache cache, ApiRefusalBackoff backoff, ClientTelemetry telemetry, ILogger<ScalekitClientCredentialsHandler> logger)
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
            services.GetRequiredService<ApiRefusalBackoff>(),
            services.GetRequiredService<ClientTelemetry>(),
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
        if (BearerChallengeReader.Read(response, token.Value) is not { } challenge)
        {
            backoff.Accepted(registration, uri);
            return response;
        }

        var apiOrigin = HostPin.OriginOf(uri);
        if (!resendable)
        {
            return Explained(response, challenge);
        }

        if (backoff.Remaining(registration, apiOrigin) is { } remaining)
        {
            logger.TokenRefreshPaused(apiOrigin, registration.ClientId, challenge.Reason, challenge.Description, remaining);
            return Explained(response, challenge);
        }

        logger.TokenRejectedByApi(apiOrigin, registration.ClientId, challenge.Reason, challenge.Description);
        response.Dispose();
        var fresh = await cache.GetAsync(registration, rejectedToken: token.Value, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh.Value);
        telemetry.UnauthorizedRetry(challenge.Reason);
        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (BearerChallengeReader.Read(response, fresh.Value) is not { } again)
        {
            backoff.Accepted(registration, uri);
            return response;
        }

        var pause = backoff.NewTokenRefused(registration, apiOrigin);
        logger.NewTokenRejectedByApi(apiOrigin, registration.ClientId, again.Reason, again.Description, pause);
        return Explained(response, again);
    }

    /// <summary>
    /// The API's 401 with the challenge in its reason phrase (<c>invalid_token: The audience is invalid</c>), so that
    /// the <see cref="HttpRequestException"/> of <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/> carries it.
    /// </summary>
    private static HttpResponseMessage Explained(HttpResponseMessage response, BearerChallenge challenge)
    {
        response.ReasonPhrase = challenge.ToString();
        return response;
    }
}
