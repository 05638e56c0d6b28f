using System.Text.Json;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Management;

/// <summary>Organizations: <c>/api/v1/organizations</c>.</summary>
public sealed partial class ScalekitManagementClient
{
    /// <summary>The largest <c>page_size</c> of the organization list and search.</summary>
    private const int MinOrganizationPageSize = 10;
    private const int MaxOrganizationPageSize = 100;
    private const int MaxSearchPageSize = 30;

    /// <summary>Creates an organization.</summary>
    /// <param name="displayName">Its name.</param>
    /// <param name="externalId">Your id for it, unique in the environment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="ScalekitManagementException">409 when another organization has <paramref name="externalId"/>, 400 for an invalid value.</exception>
    public Task<ScalekitOrganization> CreateOrganizationAsync(string displayName, string? externalId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        return CreateOrganizationAsync(new ScalekitOrganizationRequest { DisplayName = displayName, ExternalId = externalId }, cancellationToken);
    }

    /// <summary>Creates an organization with its external id, region, metadata, slug or logo.</summary>
    /// <param name="request">The organization; <see cref="ScalekitOrganizationRequest.DisplayName"/> is required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="ArgumentException">The request has no display name.</exception>
    /// <exception cref="ScalekitManagementException">409 when another organization has the external id, 400 for an invalid value.</exception>
    public async Task<ScalekitOrganization> CreateOrganizationAsync(ScalekitOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DisplayName);
        var body = new OrganizationBody(request.DisplayName, request.ExternalId, request.RegionCode, request.Metadata, request.Slug, request.LogoUrl);
        return (await SendAsync<OrganizationEnvelope>(HttpMethod.Post, Organizations, body, cancellationToken).ConfigureAwait(false)).Organization;
    }

    /// <summary>Reads an organization by its id.</summary>
    /// <param name="organizationId">The organization, such as <c>org_64444217115541813</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="ScalekitManagementException">404 (<see cref="HttpRequestException.StatusCode"/> <c>NotFound</c>) when there is no such organization.</exception>
    public async Task<ScalekitOrganization> GetOrganizationAsync(string organizationId, CancellationToken cancellationToken = default) =>
        (await SendAsync<OrganizationEnvelope>(HttpMethod.Get, OrganizationPath(organizationId), null, cancellationToken).ConfigureAwait(false)).Organization;

    /// <summary>
    /// Reads an organization by your id for it (<c>GET /api/v1/organizations:external/{external_id}</c>). To look one up
    /// without an exception when it may not exist, take the first of <c>ListOrganizationsAsync(externalId: id)</c>.
    /// </summary>
    /// <param name="externalId">Your id, as given on create or update.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    /// <exception cref="ScalekitManagementException">404 when no organization has this external id.</exception>
    public async Task<ScalekitOrganization> GetOrganizationByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        return (await SendAsync<OrganizationEnvelope>(HttpMethod.Get, $"{Organizations}:external/{Uri.EscapeDataString(externalId)}", null, cancellationToken)
            .ConfigureAwait(false)).Organization;
    }

    /// <summary>Changes an organization (<c>PATCH</c>): only the properties set on <paramref name="changes"/> are sent.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="changes">The new values; <see cref="ScalekitOrganizationRequest.RegionCode"/> must stay <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization as it is now.</returns>
    /// <exception cref="ArgumentException"><paramref name="changes"/> sets a region code, which only a create chooses.</exception>
    /// <exception cref="ScalekitManagementException">404 when there is no such organization, 409 when another one has the external id, 400 for an invalid value.</exception>
    public async Task<ScalekitOrganization> UpdateOrganizationAsync(string organizationId, ScalekitOrganizationRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.RegionCode is not null)
        {
            throw new ArgumentException("An organization's region is chosen when it is created and cannot be changed: leave RegionCode null on update.", nameof(changes));
        }

        var body = new OrganizationBody(changes.DisplayName, changes.ExternalId, null, changes.Metadata, changes.Slug, changes.LogoUrl);
        return (await SendAsync<OrganizationEnvelope>(HttpMethod.Patch, OrganizationPath(organizationId), body, cancellationToken).ConfigureAwait(false)).Organization;
    }

    /// <summary>Deletes an organization, and with it its API clients and API keys.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the organization is deleted.</returns>
    /// <exception cref="ScalekitManagementException">404 when there is no such organization.</exception>
    public async Task DeleteOrganizationAsync(string organizationId, CancellationToken cancellationToken = default)
    {
        await SendAsync<JsonElement>(HttpMethod.Delete, OrganizationPath(organizationId), null, cancellationToken).ConfigureAwait(false);
        _logger.OrganizationDeleted(organizationId);
    }

    /// <summary>Every organization of the environment, fetched page by page (<c>page_size</c>, <c>page_token</c>) as the caller iterates.</summary>
    /// <param name="pageSize">Organizations per request, 1 to 100.</param>
    /// <param name="externalId">Only the organization with this external id.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    /// <returns>The organizations, in the API's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 10 to 100 (thrown by the call, before any request).</exception>
    public IAsyncEnumerable<ScalekitOrganization> ListOrganizationsAsync(int pageSize = MaxOrganizationPageSize, string? externalId = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize, MinOrganizationPageSize, MaxOrganizationPageSize);
        return FollowPagesAsync((token, ct) => ReadOrganizationPageAsync(ListQuery(Organizations, pageSize, ("page_token", token), ("external_id", externalId)), ct), cancellationToken);
    }

    /// <summary>One page of the environment's organizations, with the tokens of the pages beside it and the total count.</summary>
    /// <param name="pageSize">Organizations on the page, 1 to 100.</param>
    /// <param name="pageToken">A <see cref="ScalekitPage{T}.NextPageToken"/> or <see cref="ScalekitPage{T}.PrevPageToken"/> of an earlier page; <see langword="null"/> for the first page.</param>
    /// <param name="externalId">Only the organization with this external id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ScalekitManagementException">400 for a page token the API did not hand out.</exception>
    public Task<ScalekitPage<ScalekitOrganization>> ListOrganizationsPageAsync(
        int pageSize = MaxOrganizationPageSize, string? pageToken = null, string? externalId = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize, MinOrganizationPageSize, MaxOrganizationPageSize);
        return ReadOrganizationPageAsync(ListQuery(Organizations, pageSize, ("page_token", pageToken), ("external_id", externalId)), cancellationToken);
    }

    /// <summary>
    /// Every organization that matches <paramref name="query"/> (<c>GET /api/v1/organizations:search</c>), fetched page
    /// by page as the caller iterates. Scalekit matches part of a display name or external id, or an organization id.
    /// </summary>
    /// <param name="query">What to look for, such as <c>acme</c>.</param>
    /// <param name="pageSize">Organizations per request, 1 to 100.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    /// <returns>The matching organizations, in the API's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="query"/> is empty, or <paramref name="pageSize"/> is outside 1 to 30 (thrown by the call, before any request).</exception>
    /// <exception cref="ScalekitManagementException">400 for a query the API refuses, such as one too long (thrown by the first iteration).</exception>
    public IAsyncEnumerable<ScalekitOrganization> SearchOrganizationsAsync(string query, int pageSize = MaxSearchPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        CheckPageSize(pageSize, 1, MaxSearchPageSize);
        return FollowPagesAsync((token, ct) => ReadOrganizationPageAsync(SearchQuery(query, pageSize, token), ct), cancellationToken);
    }

    /// <summary>One page of the organizations that match <paramref name="query"/>, with the tokens of the pages beside it and the total count.</summary>
    /// <param name="query">What to look for, such as <c>acme</c>.</param>
    /// <param name="pageSize">Organizations on the page, 1 to 100.</param>
    /// <param name="pageToken">A page token of an earlier page of the same search; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ScalekitManagementException">400 for a query the API refuses or a page token it did not hand out.</exception>
    public Task<ScalekitPage<ScalekitOrganization>> SearchOrganizationsPageAsync(string query, int pageSize = MaxSearchPageSize, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        CheckPageSize(pageSize, 1, MaxSearchPageSize);
        return ReadOrganizationPageAsync(SearchQuery(query, pageSize, pageToken), cancellationToken);
    }

    private static string SearchQuery(string query, int pageSize, string? pageToken) =>
        ListQuery(Organizations + ":search", pageSize, ("query", query), ("page_token", pageToken));

    private async Task<ScalekitPage<ScalekitOrganization>> ReadOrganizationPageAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var page = await SendAsync<OrganizationPage>(HttpMethod.Get, pathAndQuery, null, cancellationToken).ConfigureAwait(false);
        return new(page.Organizations ?? [], PageToken(page.NextPageToken), PageToken(page.PrevPageToken), page.TotalSize);
    }

    private static string OrganizationPath(string organizationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        return $"{Organizations}/{Uri.EscapeDataString(organizationId)}";
    }
}
