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

    /// <summary>The subject; for API clients it equals the client id, for API keys the key's id.</summary>
    public const string Subject = "sub";

    /// <summary>Roles: of the user an API key belongs to, one claim per role (the identity's role claim type).</summary>
    public const string Roles = "roles";

    /// <summary>The id (<c>apit_…</c>) of the API key a request was authenticated with.</summary>
    public const string ApiKeyId = "api_key_id";

    /// <summary>The external id of the organization an API key belongs to (your own id for it).</summary>
    public const string OrganizationExternalId = "organization_external_id";

    /// <summary>The user an API key belongs to, when it is a user's key.</summary>
    public const string UserId = "user_id";

    /// <summary>The external id of the user an API key belongs to.</summary>
    public const string UserExternalId = "user_external_id";

    /// <summary>The email of the user an API key belongs to, when Scalekit gives it.</summary>
    public const string Email = "email";
}
