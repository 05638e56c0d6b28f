namespace Scalekit.Emulator.Storage;

/// <summary>An organization, in Scalekit's wire shape (Scalekit's management API reference).</summary>
public sealed record Organization(
    string Id,
    DateTime CreateTime,
    DateTime UpdateTime,
    string DisplayName,
    string? RegionCode,
    string? ExternalId,
    IReadOnlyDictionary<string, string> Metadata,
    string? Slug = null,
    string? LogoUrl = null);

/// <summary>A custom claim registered on an API client; it appears in its tokens under <c>custom_claims</c>.</summary>
public sealed record CustomClaim(string Key, string Value);

/// <summary>A client secret as listed: never the secret itself, only its last characters.</summary>
public sealed record ClientSecret(
    string Id,
    DateTime CreateTime,
    DateTime UpdateTime,
    string SecretSuffix,
    string Status,
    DateTime? LastUsedTime);

/// <summary>An organization's API client, in Scalekit's wire shape (Scalekit's "Add auth to your APIs" guide).</summary>
public sealed record ApiClient(
    string ClientId,
    IReadOnlyList<ClientSecret> Secrets,
    string Name,
    string Description,
    string OrganizationId,
    DateTime CreateTime,
    DateTime UpdateTime,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Audience,
    IReadOnlyList<CustomClaim> CustomClaims,
    long Expiry);

/// <summary>The fields of an API client that a create or update request sets.</summary>
public sealed record ApiClientSpec(
    string Name,
    string Description,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Audience,
    IReadOnlyList<CustomClaim> CustomClaims,
    long Expiry);

/// <summary>
/// An API key (Scalekit's opaque API token, <c>apit_…</c>) as listed and validated: never the key itself, only its
/// last characters. Its organization's external id is read at the time of the answer.
/// </summary>
internal sealed record ApiKey(
    string Id,
    string OrganizationId,
    string? OrganizationExternalId,
    string? UserId,
    IReadOnlyDictionary<string, string> CustomClaims,
    DateTime? Expiry,
    DateTime CreateTime,
    string? Description,
    string KeySuffix);

/// <summary>A signing key: published in the JWKS from creation until <see cref="RetireAt"/>, signing from <see cref="ActivateAt"/>.</summary>
internal sealed record SigningKeyRecord(string Kid, string PrivateKeyPem, DateTime CreateTime, DateTime ActivateAt, DateTime? RetireAt);
