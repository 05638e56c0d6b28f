namespace Scalekit.Client;

/// <summary>
/// The tokens behind <c>AddScalekitClientCredentials()</c>, for code that needs one without an HttpClient (gRPC
/// metadata, a WebSocket header). Tokens come from the same cache as the handler's: cached per environment, client and
/// scopes, and requested once for many concurrent callers.
/// </summary>
public interface IScalekitTokenProvider
{
    /// <summary>Returns a cached token, or requests one.</summary>
    /// <param name="clientName">The name of the HttpClient the credentials were added to (for a typed client, its type name).</param>
    /// <param name="forceRefresh">Replace the cached token even if it is still fresh, for example after the API refused it.</param>
    /// <param name="cancellationToken">Stops waiting; a request shared with other callers goes on for them.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ScalekitTokenException">No token could be obtained.</exception>
    Task<ScalekitAccessToken> GetTokenAsync(string clientName, bool forceRefresh = false, CancellationToken cancellationToken = default);
}
