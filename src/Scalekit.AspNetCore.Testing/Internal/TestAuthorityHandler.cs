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
        return await authority.AnswerAsync(request, body).ConfigureAwait(false);
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

        // Everything the authority does is in memory; only the environment token's check is asynchronous in its API.
        return authority.AnswerAsync(request, body).GetAwaiter().GetResult();
    }
}
