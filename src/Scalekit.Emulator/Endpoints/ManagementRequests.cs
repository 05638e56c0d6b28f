using Scalekit.Emulator.Storage;

namespace Scalekit.Emulator.Endpoints;

/// <summary>The body of <c>POST /api/v1/organizations</c>.</summary>
internal sealed record CreateOrganizationRequest(string? DisplayName, string? ExternalId, string? RegionCode, Dictionary<string, string>? Metadata);

/// <summary>The body of <c>POST</c> and <c>PATCH /api/v1/organizations/{org}/clients[/{id}]</c> (Scalekit's "Add auth to your APIs" guide). Absent fields keep their value on PATCH.</summary>
internal sealed record ClientRequest(
    string? Name,
    string? Description,
    List<CustomClaim>? CustomClaims,
    List<string>? Scopes,
    List<string>? Audience,
    long? Expiry);
