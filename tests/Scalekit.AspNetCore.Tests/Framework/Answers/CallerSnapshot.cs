namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>A <see cref="ScalekitClient"/> as the <c>/min/me</c> and <c>/mvc/me</c> endpoints serialise it.</summary>
public sealed record CallerSnapshot(
    string ClientId,
    string? OrganizationId,
    string[] Scopes,
    Dictionary<string, string> CustomClaims,
    string? TokenId,
    DateTimeOffset? ExpiresAt,
    string[] Audiences,
    string? Issuer);
