namespace Scalekit.Client.Management;

/// <summary>An organization of the environment, as <c>GET /api/v1/organizations</c> lists it.</summary>
/// <param name="Id">The id, such as <c>org_64444217115541813</c>.</param>
/// <param name="CreateTime">When it was created.</param>
/// <param name="UpdateTime">When it was last changed.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="RegionCode">Its region, such as <c>US</c>.</param>
/// <param name="ExternalId">Your id for it, if you gave one.</param>
/// <param name="Metadata">Your key/value pairs.</param>
public sealed record ScalekitOrganization(
    string Id,
    DateTimeOffset? CreateTime,
    DateTimeOffset? UpdateTime,
    string? DisplayName,
    string? RegionCode,
    string? ExternalId,
    IReadOnlyDictionary<string, string>? Metadata);
