using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Scalekit.Client.Internal;

namespace Scalekit.Client.Management;

/// <summary>
/// Scalekit's management API: organizations, and the API clients your customers use to call your API (Scalekit's "Add auth to your APIs" guide),
/// with their secrets. Authorized by the environment client's own client-credentials token: register it with
/// <c>services.AddScalekitManagementClient()</c> and inject it. Plain secrets are returned once and never logged.
/// </summary>
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
public sealed class ScalekitManagementClient
{
    private const string Organizations = "api/v1/organizations";
    private readonly HttpClient _http;
    private readonly ILogger _logger;

    /// <summary>Creates the client on an HttpClient whose <c>BaseAddress</c> is the environment URL and that attaches the environment client's token.</summary>
    /// <param name="httpClient">The HttpClient, as <c>AddScalekitManagementClient()</c> configures it.</param>
    /// <param name="logger">Logs what was created, deleted, added and revoked; never secrets.</param>
    public ScalekitManagementClient(HttpClient httpClient, ILogger<ScalekitManagementClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _http = httpClient;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Every organization of the environment, fetched page by page (<c>page_size</c>, <c>page_token</c>) as the caller iterates.</summary>
    /// <param name="pageSize">Organizations per request, 1 to 100 (Scalekit documents 10 to 100).</param>
    /// <param name="externalId">Only the organization with this external id.</param>
    /// <param name="cancellationToken">Stops the iteration.</param>
    /// <returns>The organizations, in the API's order.</returns>
    public async IAsyncEnumerable<ScalekitOrganization> ListOrganizationsAsync(
        int pageSize = 100,
        string? externalId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pageToken = null;
        do
        {
            var query = $"{Organizations}?page_size={pageSize.ToString(CultureInfo.InvariantCulture)}"
                        + (pageToken is null ? "" : "&page_token=" + Uri.EscapeDataString(pageToken))
                        + (externalId is null ? "" : "&external_id=" + Uri.EscapeDataString(externalId));
            var page = await SendAsync<OrganizationPage>(HttpMethod.Get, query, null, cancellationToken).ConfigureAwait(false);
            foreach (var organization in page.Organizations ?? [])
            {
                yield return organization;
            }

            // An empty or repeated token ends the walk: a server that loops cannot make this loop forever.
            pageToken = string.IsNullOrEmpty(page.NextPageToken) || !seen.Add(page.NextPageToken) ? null : page.NextPageToken;
        }
        while (pageToken is not null);
    }

    /// <summary>Creates an organization.</summary>
    /// <param name="displayName">Its name.</param>
    /// <param name="externalId">Your id for it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The organization.</returns>
    public async Task<ScalekitOrganization> CreateOrganizationAsync(string displayName, string? externalId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        var created = await SendAsync<OrganizationEnvelope>(HttpMethod.Post, Organizations, new CreateOrganizationBody(displayName, externalId), cancellationToken).ConfigureAwait(false);
        return created.Organization;
    }

    /// <summary>Registers an API client for an organization. The result carries its secret in clear, this once.</summary>
    /// <param name="organizationId">The organization, such as <c>org_59615193906282635</c>.</param>
    /// <param name="request">Name (required), description, scopes, audience, custom claims, expiry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The client and its plain secret.</returns>
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
    public async Task<ScalekitApiClient> GetClientAsync(string organizationId, string clientId, CancellationToken cancellationToken = default) =>
        (await SendAsync<ClientEnvelope>(HttpMethod.Get, ClientPath(organizationId, clientId), null, cancellationToken).ConfigureAwait(false)).Client;

    /// <summary>Lists an organization's API clients.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The clients.</returns>
    public async Task<IReadOnlyList<ScalekitApiClient>> ListClientsAsync(string organizationId, CancellationToken cancellationToken = default) =>
        (await SendAsync<ClientList>(HttpMethod.Get, ClientsPath(organizationId), null, cancellationToken).ConfigureAwait(false)).Clients ?? [];

    /// <summary>Changes an API client (<c>PATCH</c>): only the properties set on <paramref name="changes"/> are sent.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="changes">The new values.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The client as it is now.</returns>
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
    public async Task RevokeSecretAsync(string organizationId, string clientId, string secretId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretId);
        await SendAsync<JsonElement>(HttpMethod.Delete, $"{ClientPath(organizationId, clientId)}/secrets/{Uri.EscapeDataString(secretId)}", null, cancellationToken)
            .ConfigureAwait(false);
        _logger.ClientSecretRevoked(secretId, clientId);
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

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ManagementJson.Options);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await ReadDetailAsync(response, cancellationToken).ConfigureAwait(false);
            throw new ScalekitManagementException(
                $"Scalekit management API: {method} /{path.Split('?')[0]} answered {(int)response.StatusCode} {response.StatusCode}{(detail is null ? "" : ": " + detail)}",
                response.StatusCode, detail);
        }

        return await response.Content.ReadFromJsonAsync<T>(ManagementJson.Options, cancellationToken).ConfigureAwait(false)
               ?? throw new ScalekitManagementException($"Scalekit management API: {method} /{path} answered with an empty body.", response.StatusCode, null);
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
