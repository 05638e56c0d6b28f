namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// The primary handler of the app's Scalekit backchannel: it answers <c>GET &lt;issuer&gt;/keys</c> from the authority's
/// memory and everything else with 404, so no request ever leaves the process. One per handler chain the factory builds
/// (the factory disposes expired chains; the authority outlives them).
/// </summary>
internal sealed class TestAuthorityHandler(ScalekitTestAuthority authority) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(authority.Answer(request));
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return authority.Answer(request);
    }
}
