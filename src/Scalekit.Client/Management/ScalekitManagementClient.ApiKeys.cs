using System.Net;
using System.Text.Json;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Management;

/// <summary>API keys, Scalekit's opaque API tokens: <c>/api/v1/tokens</c>.</summary>
public sealed partial class ScalekitManagementClient
{
    private const string ApiKeys = "api/v1/tokens";

    /// <summary>The largest <c>page_size</c> of the API-key list (Scalekit's limit).</summary>
    private const int MaxApiKeyPageSize = 30;
    private const string ApiKeyIdPrefix = "apit_";

    /// <summary>
    /// Creates an API key for an organization, or for one of its users. The result carries the key in clear, this
    /// once: hand it over now and keep only its id.
    /// </summary>
    /// <param name="organizationId">The organization, such as <c>org_59615193906282635</c>.</param>
    /// <param name="request">Its user, custom claims, expiry and description; <see langword="null"/> for an organization's key without them.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's details and the plain key.</returns>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization, 400 for an invalid value (such as an expiry in the past).</exception>
    public async Task<ScalekitCreatedApiKey> CreateApiKeyAsync(string organizationId, ScalekitApiKeyRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        var body = new CreateApiKeyBody(organizationId, request?.UserId, request?.CustomClaims, request?.Expiry?.UtcDateTime, request?.Description);
        var created = await SendAsync<CreatedApiKey>(HttpMethod.Post, ApiKeys, body, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Token) || created.TokenInfo is null)
        {
            throw new ScalekitManagementException($"Scalekit management API: POST /{ApiKeys} answered without the key or its details.", HttpStatusCode.OK, null);
        }

        var apiKey = created.TokenInfo.ToApiKey(created.TokenId);
        _logger.ApiKeyCreated(apiKey.Id, organizationId, apiKey.UserId, apiKey.KeySuffix);
        return new ScalekitCreatedApiKey(apiKey, created.Token);
    }

    /// <summary>
    /// Asks Scalekit whether <paramref name="apiKey"/> is a current key (<c>POST /api/v1/tokens:validate</c>): the API
    /// that receives a key calls this. A key that is unknown, invalidated or expired, or is not a key at all, is refused
    /// with <see langword="null"/>, not an exception. Scalekit's validation also accepts a key's id (<c>apit_…</c>),
    /// which is listed and not secret: a value that starts with <c>apit_</c> (in any case, after white space) is refused
    /// here without asking, so a caller
    /// who presents an id is never let in.
    /// </summary>
    /// <param name="apiKey">The key as its owner presented it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's details, custom claims included; <see langword="null"/> when Scalekit refuses the key (404 or 400).</returns>
    /// <exception cref="ScalekitManagementException">Any other refusal, such as 401 or 403 for the environment client's own token, or a 5xx.</exception>
    /// <exception cref="HttpRequestException">Scalekit could not be reached: the key is neither valid nor invalid, so do not let the caller in.</exception>
    public async Task<ScalekitApiKey?> ValidateApiKeyAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        if (apiKey.AsSpan().TrimStart().StartsWith(ApiKeyIdPrefix, StringComparison.OrdinalIgnoreCase))
        {
            _logger.ApiKeyRefused(0, "an API key's id (apit_…) is not a key");
            return null;
        }

        var (validated, refusal) = await TrySendAsync<ApiKeyEnvelope>(HttpMethod.Post, ApiKeys + ":validate", new ApiKeyBody { Token = apiKey }, cancellationToken)
            .ConfigureAwait(false);
        if (refusal is { StatusCode: HttpStatusCode.NotFound or HttpStatusCode.BadRequest })
        {
            // Only the status: Scalekit's error text might echo the submitted key.
            _logger.ApiKeyRefused((int)refusal.StatusCode, "unknown, invalidated or expired");
            return null;
        }

        return refusal is null ? Info(validated!.TokenInfo, ":validate").ToApiKey() : throw refusal;
    }

    /// <summary>Every API key of an organization, or of one of its users, fetched page by page as the caller iterates.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="pageSize">Keys per request, 1 to 30.</param>
    /// <param name="userId">Only the keys of this user.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    /// <returns>The keys' details, in the API's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 1 to 30 (thrown by the call, before any request).</exception>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization (thrown by the first iteration).</exception>
    public IAsyncEnumerable<ScalekitApiKey> ListApiKeysAsync(string organizationId, int pageSize = MaxApiKeyPageSize, string? userId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        CheckPageSize(pageSize, 1, MaxApiKeyPageSize);
        return FollowPagesAsync((token, ct) => ReadApiKeyPageAsync(organizationId, pageSize, token, userId, ct), cancellationToken);
    }

    /// <summary>One page of an organization's API keys, with the tokens of the pages beside it and the total count.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="pageSize">Keys on the page, 1 to 30.</param>
    /// <param name="pageToken">A page token of an earlier page of the same list; <see langword="null"/> for the first page.</param>
    /// <param name="userId">Only the keys of this user.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization, 400 for a page token the API did not hand out.</exception>
    public Task<ScalekitPage<ScalekitApiKey>> ListApiKeysPageAsync(
        string organizationId, int pageSize = MaxApiKeyPageSize, string? pageToken = null, string? userId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        CheckPageSize(pageSize, 1, MaxApiKeyPageSize);
        return ReadApiKeyPageAsync(organizationId, pageSize, pageToken, userId, cancellationToken);
    }

    /// <summary>Changes an API key's custom claims or description (<c>POST /api/v1/tokens:update</c>); the key itself stays the same.</summary>
    /// <param name="apiKeyOrId">The key's id (<c>apit_…</c>), or the key itself.</param>
    /// <param name="customClaims">
    /// Claims merged into the key's: a new name is added, a known one gets the new value, and an empty value removes the
    /// claim. Claims not named stay. <see langword="null"/> leaves them all.
    /// </param>
    /// <param name="description">The new description; an empty string removes it, <see langword="null"/> leaves it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key's details as they are now.</returns>
    /// <exception cref="ScalekitManagementException">404 for an unknown key, 400 for an invalid value.</exception>
    public async Task<ScalekitApiKey> UpdateApiKeyAsync(
        string apiKeyOrId, IReadOnlyDictionary<string, string>? customClaims = null, string? description = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKeyOrId);
        var body = new ApiKeyBody { Token = apiKeyOrId, CustomClaims = customClaims, Description = description };
        var updated = await SendAsync<ApiKeyEnvelope>(HttpMethod.Post, ApiKeys + ":update", body, cancellationToken).ConfigureAwait(false);
        return Info(updated.TokenInfo, ":update").ToApiKey();
    }

    /// <summary>Invalidates an API key (<c>POST /api/v1/tokens:invalidate</c>): from now on it is refused, and it is no longer listed.</summary>
    /// <param name="apiKeyOrId">The key's id (<c>apit_…</c>), or the key itself.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is invalidated.</returns>
    /// <exception cref="ScalekitManagementException">404 for a key that was never issued; invalidating a key again succeeds.</exception>
    public async Task InvalidateApiKeyAsync(string apiKeyOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKeyOrId);
        await SendAsync<JsonElement>(HttpMethod.Post, ApiKeys + ":invalidate", new ApiKeyBody { Token = apiKeyOrId }, cancellationToken).ConfigureAwait(false);
        _logger.ApiKeyInvalidated(ApiKeyForLog(apiKeyOrId));
    }

    private async Task<ScalekitPage<ScalekitApiKey>> ReadApiKeyPageAsync(string organizationId, int pageSize, string? pageToken, string? userId, CancellationToken cancellationToken)
    {
        var query = ListQuery(ApiKeys, pageSize, ("organization_id", organizationId), ("user_id", userId), ("page_token", pageToken));
        var page = await SendAsync<ApiKeyPage>(HttpMethod.Get, query, null, cancellationToken).ConfigureAwait(false);
        return new([.. (page.Tokens ?? []).Select(t => t.ToApiKey())], PageToken(page.NextPageToken), PageToken(page.PrevPageToken), page.TotalCount);
    }

    private static ApiKeyInfo Info(ApiKeyInfo? info, string operation) =>
        info ?? throw new ScalekitManagementException($"Scalekit management API: POST /{ApiKeys}{operation} answered without token_info.", HttpStatusCode.OK, null);

    /// <summary>An id as it is; a key only by its last four characters, which Scalekit lists as its suffix anyway.</summary>
    private static string ApiKeyForLog(string apiKeyOrId) =>
        apiKeyOrId.StartsWith("apit_", StringComparison.Ordinal) ? apiKeyOrId
        : apiKeyOrId.Length > 12 ? "the key ending in " + apiKeyOrId[^4..]
        : "a key";
}
