namespace Scalekit.AspNetCore.Testing.Internal;

/// <summary>
/// The in-memory transport to a <see cref="ScalekitTestAuthority"/>: the primary handler of the app's Scalekit
/// backchannel, and of any HttpClient a test points at the authority (<see cref="ScalekitTestAuthority.CreateHandler"/>).
/// It answers from the authority's memory (JWKS, the environment client's token, API-key validation) and everything else
/// with 404, so no request ever leaves the process. One per handler chain the factory builds (the factory disposes
/// expired chains; the authority outlives them).
/// </summary>
internal sealed class TestAuthorityHandler(ScalekitTestAuthority authority) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return authority.Answer(request, body);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = "";
        if (request.Content is not null)
        {
            using var reader = new StreamReader(request.Content.ReadAsStream(cancellationToken));
            body = reader.ReadToEnd();
        }

        return authority.Answer(request, body);
    }
}
