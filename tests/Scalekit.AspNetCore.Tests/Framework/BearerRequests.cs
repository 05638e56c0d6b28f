using Microsoft.AspNetCore.Http;

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

    /// <summary>
    /// GET <paramref name="path"/> with <paramref name="authorization"/> placed in the request's <c>Authorization</c>
    /// header exactly as given, bypassing <see cref="HttpClient"/> and its header handling: any string reaches the
    /// pipeline, control characters, lone surrogates and non-ASCII included. An exception escaping the
    /// application is returned as the answer, not thrown.
    /// </summary>
    public static async Task<VerbatimAnswer> SendVerbatimAsync(this ApiHost api, string path, string authorization)
    {
        HttpContext context;
        try
        {
            context = await api.Server.SendAsync(c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = path;
                c.Request.Headers.Authorization = authorization;
            });
        }
        catch (Exception escaped)
        {
            return VerbatimAnswer.FromException(escaped);
        }

        using var reader = new StreamReader(context.Response.Body);
        return new VerbatimAnswer
        {
            Status = context.Response.StatusCode,
            Challenges = [.. context.Response.Headers.WWWAuthenticate.Select(v => v ?? "")],
            Headers = string.Join('\n', context.Response.Headers.Select(h => $"{h.Key}: {h.Value}")),
            Body = await reader.ReadToEndAsync(),
        };
    }
}
