using System.Text.Json;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Management;

/// <summary>An organization's API clients and their secrets: <c>/api/v1/organizations/{organization_id}/clients</c>.</summary>
public sealed partial class ScalekitManagementClient
{
    /// <summary>The largest <c>page_size</c> of the clients list.</summary>
    private const int MinClientPageSize = 10;
    private const int MaxClientPageSize = 100;

    /// <summary>Registers an API client for an organization. The result carries its secret in clear, this once.</summary>
    /// <param name="organizationId">The organization, such as <c>org_59615193906282635</c>.</param>
    /// <param name="request">Name (required), description, scopes, audience, custom claims, expiry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The client and its plain secret.</returns>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization, 400 for an invalid request.</exception>
    public async Task<ScalekitCreatedApiClient> CreateClientAsync(string organizationId, ScalekitApiClientRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await SendAsync<ScalekitCreatedApiClient>(HttpMethod.Post, ClientsPath(organizationId), request, cancellationToken).ConfigureAwait(false);
        _logger.ApiClientCreated(created.Client.ClientId, organizationId, created.Client.Secrets?.LastOrDefault()?.SecretSuffix);
        return created;
    }

    /// <summary>Reads an API client.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="clientId">The client, such as <c>m2morg_68315758685323697</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The client, with its secrets listed but not revealed.</returns>
    /// <exception cref="ScalekitManagementException">404 when the organization or the client does not exist.</exception>
    public async Task<ScalekitApiClient> GetClientAsync(string organizationId, string clientId, CancellationToken cancellationToken = default) =>
        (await SendAsync<ClientEnvelope>(HttpMethod.Get, ClientPath(organizationId, clientId), null, cancellationToken).ConfigureAwait(false)).Client;

    /// <summary>
    /// Every API client of an organization, fetched page by page (<c>page_size</c>, <c>page_token</c>) as the caller
    /// iterates. Collect them with <c>await ListClientsAsync(id).ToListAsync()</c>.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="pageSize">Clients per request, 1 to 100.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    /// <returns>The clients, in the API's order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pageSize"/> is outside 10 to 100 (thrown by the call, before any request).</exception>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization (thrown by the first iteration).</exception>
    public IAsyncEnumerable<ScalekitApiClient> ListClientsAsync(string organizationId, int pageSize = MaxClientPageSize, CancellationToken cancellationToken = default)
    {
        var path = ClientsPath(organizationId);
        CheckPageSize(pageSize, MinClientPageSize, MaxClientPageSize);
        return FollowPagesAsync((token, ct) => ReadClientPageAsync(path, pageSize, token, ct), cancellationToken);
    }

    /// <summary>One page of an organization's API clients, with the tokens of the pages beside it and the total count.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="pageSize">Clients on the page, 1 to 100.</param>
    /// <param name="pageToken">A <see cref="ScalekitPage{T}.NextPageToken"/> or <see cref="ScalekitPage{T}.PrevPageToken"/> of an earlier page; <see langword="null"/> for the first page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization, 400 for a page token the API did not hand out.</exception>
    public Task<ScalekitPage<ScalekitApiClient>> ListClientsPageAsync(string organizationId, int pageSize = MaxClientPageSize, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        var path = ClientsPath(organizationId);
        CheckPageSize(pageSize, MinClientPageSize, MaxClientPageSize);
        return ReadClientPageAsync(path, pageSize, pageToken, cancellationToken);
    }

    /// <summary>Changes an API client (<c>PATCH</c>): only the properties set on <paramref name="changes"/> are sent.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="changes">The new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The client as it is now.</returns>
    /// <exception cref="ScalekitManagementException">404 when the organization or the client does not exist, 400 for an invalid value.</exception>
    public async Task<ScalekitApiClient> UpdateClientAsync(string organizationId, string clientId, ScalekitApiClientRequest changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return (await SendAsync<ClientEnvelope>(HttpMethod.Patch, ClientPath(organizationId, clientId), changes, cancellationToken).ConfigureAwait(false)).Client;
    }

    /// <summary>Deletes an API client; its secrets stop working.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the client is deleted.</returns>
    /// <exception cref="ScalekitManagementException">404 when the organization or the client does not exist.</exception>
    public async Task DeleteClientAsync(string organizationId, string clientId, CancellationToken cancellationToken = default)
    {
        await SendAsync<JsonElement>(HttpMethod.Delete, ClientPath(organizationId, clientId), null, cancellationToken).ConfigureAwait(false);
        _logger.ApiClientDeleted(clientId, organizationId);
    }

    /// <summary>Adds a secret to an API client (for rotation: add, move callers, revoke the old one). The result carries it in clear, this once.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new secret and its plain value.</returns>
    /// <exception cref="ScalekitManagementException">404 when the organization or the client does not exist.</exception>
    public async Task<ScalekitCreatedSecret> AddSecretAsync(string organizationId, string clientId, CancellationToken cancellationToken = default)
    {
        var created = await SendAsync<ScalekitCreatedSecret>(HttpMethod.Post, ClientPath(organizationId, clientId) + "/secrets", null, cancellationToken).ConfigureAwait(false);
        _logger.ClientSecretAdded(created.Secret.Id, created.Secret.SecretSuffix, clientId);
        return created;
    }

    /// <summary>Revokes a secret: token requests with it fail with <c>invalid_client</c> from now on.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="secretId">The secret, such as <c>sks_68315758802764209</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the secret is revoked.</returns>
    /// <exception cref="ScalekitManagementException">404 for an unknown organization, client or secret; 400 when the secret cannot be revoked, such as the client's only one.</exception>
    public async Task RevokeSecretAsync(string organizationId, string clientId, string secretId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        await SendAsync<JsonElement>(HttpMethod.Delete, $"{ClientPath(organizationId, clientId)}/secrets/{Uri.EscapeDataString(secretId)}", null, cancellationToken)
            .ConfigureAwait(false);
        _logger.ClientSecretRevoked(secretId, clientId);
    }

    private async Task<ScalekitPage<ScalekitApiClient>> ReadClientPageAsync(string path, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        var page = await SendAsync<ClientPage>(HttpMethod.Get, ListQuery(path, pageSize, ("page_token", pageToken)), null, cancellationToken).ConfigureAwait(false);
        return new(page.Clients ?? [], PageToken(page.NextPageToken), PageToken(page.PrevPageToken), page.TotalSize);
    }

    private static string ClientsPath(string organizationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(organizationId);
        return $"{Organizations}/{Uri.EscapeDataString(organizationId)}/clients";
    }

    private static string ClientPath(string organizationId, string clientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return $"{ClientsPath(organizationId)}/{Uri.EscapeDataString(clientId)}";
    }
}
