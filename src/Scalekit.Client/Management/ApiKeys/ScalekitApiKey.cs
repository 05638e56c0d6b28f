namespace Scalekit.Client.Management;

/// <summary>
/// An API key (Scalekit's opaque API token) as listed and validated: its details, never the key itself (the
/// <c>token_info</c> object of Scalekit's management API). An API key belongs to an organization, and optionally to one
/// of its users; the API that receives it asks Scalekit whether it is valid (<see cref="ScalekitManagementClient.ValidateApiKeyAsync"/>).
/// </summary>
/// <param name="Id">The id, such as <c>apit_68315758685323697</c> (<c>token_id</c>): listed and not secret, so it never validates in place of the key.</param>
/// <param name="OrganizationId">The organization it belongs to.</param>
/// <param name="OrganizationExternalId">That organization's external id, if it has one.</param>
/// <param name="UserId">The user it belongs to, for a user's key; <see langword="null"/> for an organization's key.</param>
/// <param name="CustomClaims">The key/value pairs you attached, returned on every validation.</param>
/// <param name="Expiry">When it stops being valid; <see langword="null"/> when it does not expire.</param>
/// <param name="CreateTime">When it was created (<c>created_at</c>).</param>
/// <param name="Description">What it is for, if you said.</param>
/// <param name="KeySuffix">Its last characters (<c>token_suffix</c>), to tell keys apart on a screen.</param>
/// <param name="Roles">The roles Scalekit reports for it.</param>
/// <param name="UserExternalId">The user's external id, when Scalekit reports it.</param>
/// <param name="Email">The user's email, when Scalekit reports it.</param>
public sealed record ScalekitApiKey(
    string Id,
    string? OrganizationId,
    string? OrganizationExternalId,
    string? UserId,
    IReadOnlyDictionary<string, string> CustomClaims,
    DateTimeOffset? Expiry,
    DateTimeOffset? CreateTime,
    string? Description,
    string? KeySuffix,
    IReadOnlyList<string> Roles,
    string? UserExternalId = null,
    string? Email = null);
