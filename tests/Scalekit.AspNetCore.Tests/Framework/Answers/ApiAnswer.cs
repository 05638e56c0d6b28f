using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// What an API answered, with the parts that must match between controllers and minimal APIs: status,
/// <c>WWW-Authenticate</c>, media type and the problem body (without per-request fields such as <c>traceId</c>).
/// Compare two answers with <c>BeEquivalentTo</c>.
/// </summary>
public sealed class ApiAnswer
{
    public required HttpStatusCode Status { get; init; }

    /// <summary>The <c>WWW-Authenticate</c> values, joined with <c>", "</c>; <see langword="null"/> when absent.</summary>
    public required string? Challenge { get; init; }

    public required string? MediaType { get; init; }

    /// <summary>The body when it is not a problem document (e.g. the endpoint's own result).</summary>
    public required string? Text { get; init; }

    public required ProblemBody? Problem { get; init; }

    public static async Task<ApiAnswer> ReadAsync(HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = await response.Content.ReadAsStringAsync();
        var isProblem = mediaType == "application/problem+json";
        return new ApiAnswer
        {
            Status = response.StatusCode,
            Challenge = response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var challenges) ? string.Join(", ", challenges) : null,
            MediaType = mediaType,
            Text = isProblem ? null : body,
            Problem = isProblem ? ProblemBody.Parse(body) : null,
        };
    }

    /// <summary>
    /// Sends <paramref name="method"/> <paramref name="path"/>, with <c>Authorization: Bearer</c> when <paramref name="token"/>
    /// is set and any other <paramref name="headers"/>.
    /// </summary>
    public static async Task<ApiAnswer> SendAsync(
        HttpClient client, HttpMethod method, string path, string? token, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        headers?.Invoke(request.Headers);

        using var response = await client.SendAsync(request);
        return await ReadAsync(response);
    }

    public override string ToString() =>
        $"{(int)Status} {Challenge} {MediaType} {Text}{(Problem is null ? "" : JsonSerializer.Serialize(Problem))}";
}
