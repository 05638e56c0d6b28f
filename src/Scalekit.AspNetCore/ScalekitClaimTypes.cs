namespace Scalekit.AspNetCore;

/// <summary>
/// Claim types found in Scalekit access tokens. Inbound claim names are kept exactly as in the JWT.
/// </summary>
public static class ScalekitClaimTypes
{
    /// <summary>
    /// The normalised scope claim: one claim per granted scope, whichever of <c>scopes</c>,
    /// <c>scope</c> or <c>scp</c> the token carried them in.
    /// </summary>
    public const string Scopes = "scopes";

    /// <summary>The space-delimited OAuth 2.0 <c>scope</c> claim.</summary>
    public const string Scope = "scope";

    /// <summary>The <c>scp</c> claim used by some authorization servers (string or array).</summary>
    public const string Scp = "scp";

    /// <summary>The API client id (<c>m2morg_…</c>).</summary>
    public const string ClientId = "client_id";

    /// <summary>The organization id (<c>org_…</c>) the API client belongs to.</summary>
    public const string OrganizationId = "oid";

    /// <summary>The object of custom claims registered on the API client.</summary>
    public const string CustomClaims = "custom_claims";

    /// <summary>The token id (<c>tkn_…</c>).</summary>
    public const string TokenId = "jti";

    /// <summary>The subject; for API clients it equals the client id.</summary>
    public const string Subject = "sub";
}
