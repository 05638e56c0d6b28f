using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Scalekit.Client.Management;

namespace Scalekit.Client.Internal;

/// <summary>Scalekit's wire JSON: snake_case names, nulls left out of requests, unknown members ignored.</summary>
internal static class ManagementJson
{
    /// <summary>The settings above, with the source-generated metadata of <see cref="ManagementJsonContext"/>.</summary>
    public static readonly JsonSerializerOptions Options = ManagementJsonContext.Default.Options;

    /// <summary><paramref name="body"/> as a JSON request body, by its runtime type.</summary>
    public static JsonContent Content(object body) => JsonContent.Create(body, Options.GetTypeInfo(body.GetType()));

    /// <summary>The JSON response body as <typeparamref name="T"/>.</summary>
    public static Task<T?> ReadAsync<T>(HttpContent content, CancellationToken cancellationToken) =>
        content.ReadFromJsonAsync((JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)), cancellationToken);
}

/// <summary>A page of <c>GET /api/v1/organizations</c> and <c>GET /api/v1/organizations:search</c> (Scalekit's management API reference).</summary>
internal sealed record OrganizationPage(IReadOnlyList<ScalekitOrganization>? Organizations, string? NextPageToken, string? PrevPageToken, int? TotalSize);

internal sealed record OrganizationEnvelope(ScalekitOrganization Organization);

/// <summary>The body of <c>POST</c> and <c>PATCH /api/v1/organizations[/{id}]</c>: the organization's fields themselves.</summary>
internal sealed record OrganizationBody(
    string? DisplayName, string? ExternalId, string? RegionCode, IReadOnlyDictionary<string, string>? Metadata, string? Slug, string? LogoUrl);

internal sealed record ClientEnvelope(ScalekitApiClient Client);

/// <summary>A page of <c>GET /api/v1/organizations/{id}/clients</c>.</summary>
internal sealed record ClientPage(IReadOnlyList<ScalekitApiClient>? Clients, string? NextPageToken, string? PrevPageToken, int? TotalSize);

/// <summary>The <c>token_info</c> of the API-key calls, in its wire names; <see cref="ToApiKey"/> gives the public shape.</summary>
internal sealed class ApiKeyInfo
{
    public string? TokenId { get; init; }

    public string? OrganizationId { get; init; }

    public string? OrganizationExternalId { get; init; }

    public string? UserId { get; init; }

    public string? UserExternalId { get; init; }

    public Dictionary<string, string>? CustomClaims { get; init; }

    public DateTimeOffset? Expiry { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? Description { get; init; }

    public string? TokenSuffix { get; init; }

    public string? Email { get; init; }

    public List<string>? Roles { get; init; }

    /// <summary>The public shape; the empty strings of proto3's unset fields become <see langword="null"/>.</summary>
    public ScalekitApiKey ToApiKey(string? fallbackId = null) => new(
        Value(TokenId) ?? fallbackId ?? throw new JsonException("The API key's details have no token_id."),
        Value(OrganizationId), Value(OrganizationExternalId), Value(UserId), CustomClaims ?? [], Expiry, CreatedAt,
        Value(Description), Value(TokenSuffix), Roles ?? [], Value(UserExternalId), Value(Email));

    private static string? Value(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

/// <summary>The answer of <c>POST /api/v1/tokens</c>. A class, not a record: no generated <c>ToString</c> to show <see cref="Token"/>.</summary>
internal sealed class CreatedApiKey
{
    public string? Token { get; init; }

    public string? TokenId { get; init; }

    public ApiKeyInfo? TokenInfo { get; init; }
}

/// <summary>The answer of <c>:validate</c> and <c>:update</c>.</summary>
internal sealed record ApiKeyEnvelope(ApiKeyInfo? TokenInfo);

/// <summary>A page of <c>GET /api/v1/tokens</c>.</summary>
internal sealed record ApiKeyPage(IReadOnlyList<ApiKeyInfo>? Tokens, int? TotalCount, string? NextPageToken, string? PrevPageToken);

/// <summary>The body of <c>POST /api/v1/tokens</c>: the key's fields themselves.</summary>
internal sealed record CreateApiKeyBody(string OrganizationId, string? UserId, IReadOnlyDictionary<string, string>? CustomClaims, DateTime? Expiry, string? Description);

/// <summary>
/// The body of <c>:validate</c>, <c>:update</c> and <c>:invalidate</c>: the key, or (except to validate) its id. A class,
/// not a record: no generated <c>ToString</c> to show <see cref="Token"/>.
/// </summary>
internal sealed class ApiKeyBody
{
    public required string Token { get; init; }

    public IReadOnlyDictionary<string, string>? CustomClaims { get; init; }

    public string? Description { get; init; }
}
