namespace Scalekit.Client.Management;

/// <summary>An organization of the environment: one of your B2B customers (the <c>organization</c> object of Scalekit's management API).</summary>
/// <param name="Id">The id, such as <c>org_64444217115541813</c>.</param>
/// <param name="CreateTime">When it was created.</param>
/// <param name="UpdateTime">When it was last changed.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="RegionCode">Its region, such as <c>US</c> or <c>EU</c>.</param>
/// <param name="ExternalId">Your id for it, if you gave one: unique in the environment.</param>
/// <param name="Metadata">Your key/value pairs.</param>
/// <param name="Slug">Its DNS-safe slug, such as <c>acme</c>, if it has one.</param>
/// <param name="LogoUrl">The address of its logo, if it has one.</param>
public sealed record ScalekitOrganization(
    string Id,
    DateTimeOffset? CreateTime,
    DateTimeOffset? UpdateTime,
    string? DisplayName,
    string? RegionCode,
    string? ExternalId,
    IReadOnlyDictionary<string, string>? Metadata,
    string? Slug = null,
    string? LogoUrl = null);
