using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Scalekit.AspNetCore;

/// <summary>
/// What a successful validation established about one token, kept by <see cref="ValidatedTokenCache"/>: the claims
/// (as a template identity that is never handed out), the key that verified the signature, and the lifetime.
/// </summary>
internal sealed class ValidatedToken(
    CaseSensitiveClaimsIdentity template,
    string kid,
    SecurityKey key,
    DateTimeOffset expires,
    AuthenticationProperties properties)
{
    /// <summary>The ticket properties JwtBearer set (<c>.issued</c>, <c>.expires</c>), copied: their dates are formatted once, not per request.</summary>
    private readonly Dictionary<string, string?> _items = new(properties.Items, StringComparer.Ordinal);

    /// <summary>The <c>kid</c> of the key that verified the signature.</summary>
    public string Kid { get; } = kid;

    /// <summary>The key that verified the signature: the entry counts only while the JWKS still publishes this instance.</summary>
    public SecurityKey Key { get; } = key;

    /// <summary>When the entry stops counting: the token's <c>exp</c>, or earlier (the cache's <c>MaxAge</c>).</summary>
    public DateTimeOffset Expires { get; } = expires;

    /// <summary>
    /// A ticket as JwtBearer would have built it, with an identity of its own: identities are mutable, so two requests
    /// never share one.
    /// </summary>
    public AuthenticationTicket CreateTicket(string scheme)
    {
        var identity = new CaseSensitiveClaimsIdentity(template.Claims, template.AuthenticationType, template.NameClaimType, template.RoleClaimType)
        {
            Label = template.Label,
        };
        return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties(new Dictionary<string, string?>(_items, StringComparer.Ordinal)), scheme);
    }
}
