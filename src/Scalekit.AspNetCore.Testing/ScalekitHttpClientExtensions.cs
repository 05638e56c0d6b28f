using System.Net.Http.Headers;

namespace Scalekit.AspNetCore.Testing;

/// <summary>Sends a Scalekit access token with requests: <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
public static class ScalekitHttpClientExtensions
{
    /// <summary>Sends <paramref name="token"/> with every request of <paramref name="client"/> (its default <c>Authorization</c> header).</summary>
    /// <example>
    /// <code>
    /// var client = factory.CreateClient().WithScalekitToken(authority.CreateToken(scopes: ["read:deployments"]));
    /// </code>
    /// </example>
    /// <param name="client">The client.</param>
    /// <param name="token">The access token, such as one from <see cref="ScalekitTestAuthority.CreateToken(IEnumerable{string}?, string?, IReadOnlyDictionary{string, string}?, string?, TimeSpan?, string?)"/>.</param>
    /// <returns>A reference to <paramref name="client"/> after the operation has completed.</returns>
    public static HttpClient WithScalekitToken(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = Bearer(token);
        return client;
    }

    /// <summary>Sends <paramref name="token"/> with this one request, whatever the client's default header.</summary>
    /// <param name="request">The request.</param>
    /// <param name="token">The access token.</param>
    /// <returns>A reference to <paramref name="request"/> after the operation has completed.</returns>
    public static HttpRequestMessage WithScalekitToken(this HttpRequestMessage request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = Bearer(token);
        return request;
    }

    private static AuthenticationHeaderValue Bearer(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return new AuthenticationHeaderValue("Bearer", token);
    }
}
