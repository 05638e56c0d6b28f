namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>Sends requests to an <see cref="ApiHost"/> with an <c>Authorization</c> header written verbatim (no client-side validation).</summary>
public static class BearerRequests
{
    /// <summary>GET <paramref name="path"/> with <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
    public static Task<HttpResponseMessage> GetAsync(this ApiHost api, string path, string token) =>
        api.GetWithAuthorizationAsync(path, $"Bearer {token}");

    /// <summary>GET <paramref name="path"/> with the raw <c>Authorization</c> value, or none when it is <see langword="null"/>.</summary>
    public static async Task<HttpResponseMessage> GetWithAuthorizationAsync(this ApiHost api, string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization).Should().BeTrue();
        }

        return await api.Client.SendAsync(request);
    }
}
