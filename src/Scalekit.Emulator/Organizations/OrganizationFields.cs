namespace Scalekit.Emulator.Organizations;

/// <summary>
/// The fields of an organization that a create or an update sets: the body of <c>POST</c> and
/// <c>PATCH /api/v1/organizations[/{id}]</c>, and what the gRPC messages carry. On an update, <see langword="null"/>
/// keeps the current value and an empty <see cref="ExternalId"/> clears it.
/// </summary>
internal sealed record OrganizationFields(
    string? DisplayName = null,
    string? ExternalId = null,
    string? RegionCode = null,
    Dictionary<string, string>? Metadata = null,
    string? Slug = null,
    string? LogoUrl = null);

/// <summary>An organization named by its id or by the caller's external id, as the gRPC <c>identities</c> oneof does.</summary>
internal readonly record struct OrganizationReference(string? Id, string? ExternalId)
{
    public static OrganizationReference ById(string id) => new(id, null);

    public static OrganizationReference ByExternalId(string externalId) => new(null, externalId);

    public override string ToString() => Id ?? ExternalId ?? "";
}
