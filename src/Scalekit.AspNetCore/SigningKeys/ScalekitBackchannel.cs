namespace Scalekit.AspNetCore;

/// <summary>
/// The HTTP client that fetches the JWKS and the discovery document
/// (<see cref="ScalekitApiAuthDefaults.BackchannelHttpClientName"/>) does not follow redirects: the signing keys come
/// from the configured address, or the fetch fails. A redirect could otherwise move the key source to another host,
/// or from HTTPS to plain HTTP, unseen. This is the first of two guards; the second is the key cache, which fails a
/// 3xx answer and an answer from another address (<see cref="SigningKeyCache"/>).
/// </summary>
internal static class ScalekitBackchannel
{
    /// <summary>
    /// Turns <c>AllowAutoRedirect</c> off on the primary handler, when it is a <see cref="SocketsHttpHandler"/> or an
    /// <see cref="HttpClientHandler"/> that has not sent a request yet. Another handler (the application's, set
    /// with <c>ConfigurePrimaryHttpMessageHandler</c> after <c>AddScalekitApiAuth</c>) is left as it is: if it follows
    /// a redirect, the key cache refuses the answer.
    /// </summary>
    /// <param name="handler">The primary handler the HTTP client factory is building the client on.</param>
    /// <param name="services">Not used.</param>
    public static void DoNotFollowRedirects(HttpMessageHandler handler, IServiceProvider services)
    {
        try
        {
            switch (handler)
            {
                case SocketsHttpHandler { AllowAutoRedirect: true } sockets:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler { AllowAutoRedirect: true } client:
                    client.AllowAutoRedirect = false;
                    break;
            }
        }
        catch (InvalidOperationException)
        {
            // A handler instance the application shares, which has sent requests already: it cannot be changed.
        }
    }
}
