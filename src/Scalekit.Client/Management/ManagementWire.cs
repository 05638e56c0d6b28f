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

/// <summary>A page of <c>GET /api/v1/organizations</c> (Scalekit's management API reference).</summary>
internal sealed record OrganizationPage(IReadOnlyList<ScalekitOrganization>? Organizations, string? NextPageToken, string? PrevPageToken, int? TotalSize);

internal sealed record OrganizationEnvelope(ScalekitOrganization Organization);

internal sealed record CreateOrganizationBody(string DisplayName, string? ExternalId);

internal sealed record ClientEnvelope(ScalekitApiClient Client);

internal sealed record ClientList(IReadOnlyList<ScalekitApiClient>? Clients);
