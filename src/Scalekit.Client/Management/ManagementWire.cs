using System.Text.Json;
using System.Text.Json.Serialization;
using Scalekit.Client.Management;

namespace Scalekit.Client.Internal;

/// <summary>Scalekit's wire JSON: snake_case names, nulls left out of requests, unknown members ignored.</summary>
internal static class ManagementJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
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
