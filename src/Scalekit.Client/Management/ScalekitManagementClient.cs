using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Management;

/// <summary>
/// Scalekit's management API: organizations, the API clients your customers use to call your API (Scalekit's "Add auth
/// to your APIs" guide) with their secrets, and API keys. Authorized by the environment client's own client-credentials
/// token: register it with <c>services.AddScalekitManagementClient()</c> and inject it. Plain secrets and keys are
/// returned once and never logged.
/// </summary>
/// <remarks>
/// A call the API refuses throws <see cref="ScalekitManagementException"/> with the status and the API's
/// <see cref="ScalekitManagementException.Detail"/>: 404 for an unknown id (get, update and delete alike), 409 for a
/// taken external id, 400 for an invalid value. A call that cannot reach the API throws <see cref="HttpRequestException"/>.
/// The one exception to the rule is <see cref="ValidateApiKeyAsync"/>, whose "no" is an answer, not an error.
/// Lists and searches come twice: <c>List…Async</c> streams every item and fetches the next page as you iterate;
/// <c>List…PageAsync</c> returns one <see cref="ScalekitPage{T}"/> with its page tokens and total.
/// </remarks>
/// <example>
/// <code>
/// var created = await management.CreateClientAsync("org_59615193906282635", new ScalekitApiClientRequest
/// {
///     Name = "GitHub Actions Deployment Service",
///     Scopes = ["deploy:applications", "read:deployments"],
///     Audience = ["deployment-api.acmecorp.com"],
/// });
/// // created.Client.ClientId and created.PlainSecret: show them once, then forget the secret.
/// </code>
/// </example>
public sealed partial class ScalekitManagementClient
{
    private const string Organizations = "api/v1/organizations";
    private readonly HttpClient _http;
    private readonly ILogger _logger;

    /// <summary>Creates the client on an HttpClient whose <c>BaseAddress</c> is the environment URL and that attaches the environment client's token.</summary>
    /// <param name="httpClient">The HttpClient, as <c>AddScalekitManagementClient()</c> configures it.</param>
    /// <param name="logger">Logs what was created, deleted, added, revoked and invalidated; never secrets or keys.</param>
    public ScalekitManagementClient(HttpClient httpClient, ILogger<ScalekitManagementClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Checks a page size against the API's limits before anything is sent.</summary>
    private static void CheckPageSize(int pageSize, int min, int max, [CallerArgumentExpression(nameof(pageSize))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, min, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, max, name);
    }

    /// <summary>
    /// Every item of a list: one page at a time, the next one fetched when the caller has read this one. An empty or
    /// repeated <c>next_page_token</c> ends the walk, so a server that loops cannot make this loop forever.
    /// </summary>
    private static async IAsyncEnumerable<T> FollowPagesAsync<T>(
        Func<string?, CancellationToken, Task<ScalekitPage<T>>> readPage,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var page = await readPage(pageToken, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            pageToken = page.NextPageToken is { } next && seen.Add(next) ? next : null;
        }
        while (pageToken is not null);
    }

    /// <summary>A list's query: <c>page_size</c>, then the parameters that have a value, each escaped.</summary>
    private static string ListQuery(string path, int pageSize, params (string Name, string? Value)[] parameters) =>
        $"{path}?page_size={pageSize.ToString(CultureInfo.InvariantCulture)}"
        + string.Concat(parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"&{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    /// <summary>A page token as the API sends it: empty means none.</summary>
    private static string? PageToken(string? token) => string.IsNullOrEmpty(token) ? null : token;

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var (value, refusal) = await TrySendAsync<T>(method, path, body, cancellationToken).ConfigureAwait(false);
        return refusal is null ? value! : throw refusal;
    }

    /// <summary>Sends a call; a refusal by the API comes back as the exception to throw, a transport failure is thrown.</summary>
    private async Task<(T? Value, ScalekitManagementException? Refusal)> TrySendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = ManagementJson.Content(body);
        }

        var route = path.Split('?')[0];
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await ReadDetailAsync(response, cancellationToken).ConfigureAwait(false);
            return (default, new ScalekitManagementException(
                $"Scalekit management API: {method} /{route} answered {(int)response.StatusCode} {response.StatusCode}{(detail is null ? "" : ": " + detail)}",
                response.StatusCode, detail));
        }

        var value = await ManagementJson.ReadAsync<T>(response.Content, cancellationToken).ConfigureAwait(false);
        return value is not null
            ? (value, null)
            : (default, new ScalekitManagementException($"Scalekit management API: {method} /{route} answered with an empty body.", response.StatusCode, null));
    }

    private static async Task<string?> ReadDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            foreach (var name in (string[])["detail", "message", "error_description", "error", "title"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status says it all.
        }

        return null;
    }
}
