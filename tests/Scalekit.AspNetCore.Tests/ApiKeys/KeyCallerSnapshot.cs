namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>What <c>/min/me</c> and <c>/mvc/me</c> return (the <see cref="ScalekitClient"/> as JSON) for an API key.</summary>
public sealed record KeyCallerSnapshot(
    ScalekitCallerKind Kind,
    string ClientId,
    string? ApiKeyId,
    string? OrganizationId,
    string? OrganizationExternalId,
    string? UserId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Roles,
    IReadOnlyDictionary<string, string> CustomClaims,
    DateTimeOffset? ExpiresAt);
