namespace Scalekit.Client.Management;

/// <summary>A custom claim of an API client; its tokens carry it under <c>custom_claims</c>.</summary>
/// <param name="Key">The claim name, such as <c>github_repository</c>.</param>
/// <param name="Value">The claim value, such as <c>acmecorp/inventory-service</c>.</param>
public sealed record ScalekitCustomClaim(string Key, string Value);
