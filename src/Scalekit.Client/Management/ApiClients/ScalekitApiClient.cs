namespace Scalekit.Client.Management;

/// <summary>An organization's API client (the <c>client</c> object of Scalekit's "Add auth to your APIs" guide).</summary>
/// <param name="ClientId">The id, such as <c>m2morg_68315758685323697</c>: the <c>client_id</c> of its token requests.</param>
/// <param name="Secrets">Its secrets, without their values.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="OrganizationId">The organization it belongs to.</param>
/// <param name="CreateTime">When it was created.</param>
/// <param name="UpdateTime">When it was last changed.</param>
/// <param name="Scopes">The scopes its tokens may carry.</param>
/// <param name="Audience">The audiences its tokens carry.</param>
/// <param name="CustomClaims">The custom claims its tokens carry.</param>
/// <param name="Expiry">The lifetime of its tokens in seconds, when the API reports it.</param>
public sealed record ScalekitApiClient(
    string ClientId,
    IReadOnlyList<ScalekitClientSecret>? Secrets,
    string? Name,
    string? Description,
    string? OrganizationId,
    DateTimeOffset? CreateTime,
    DateTimeOffset? UpdateTime,
    IReadOnlyList<string>? Scopes,
    IReadOnlyList<string>? Audience,
    IReadOnlyList<ScalekitCustomClaim>? CustomClaims,
    long? Expiry);
