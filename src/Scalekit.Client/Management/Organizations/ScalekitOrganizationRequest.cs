namespace Scalekit.Client.Management;

/// <summary>
/// The body of a create or an update of an organization. Properties left <see langword="null"/> are not sent: defaults
/// on create, unchanged on update.
/// </summary>
/// <example>
/// <code>
/// var organization = await management.CreateOrganizationAsync(new ScalekitOrganizationRequest
/// {
///     DisplayName = "Acme Corp",
///     ExternalId = "crm-4711",
///     Metadata = new Dictionary&lt;string, string&gt; { ["plan"] = "enterprise" },
/// });
/// </code>
/// </example>
public sealed class ScalekitOrganizationRequest
{
    /// <summary>Its name, such as <c>Acme Corp</c>. Required on create.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Your id for it, unique in the environment (a taken one is refused with 409). On update, an empty string removes it.</summary>
    public string? ExternalId { get; init; }

    /// <summary>
    /// Where its data lives, <c>US</c> or <c>EU</c>; the environment's default when <see langword="null"/>. Chosen on
    /// create only: an update that sets it is refused with <see cref="ArgumentException"/> before anything is sent.
    /// </summary>
    public string? RegionCode { get; init; }

    /// <summary>Your key/value pairs. On update they replace the organization's metadata as a whole (an empty dictionary removes all).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>A DNS-safe slug, such as <c>acme</c>. On update, an empty string removes it.</summary>
    public string? Slug { get; init; }

    /// <summary>The absolute address of its logo. On update, an empty string removes it.</summary>
    public string? LogoUrl { get; init; }
}
