using System.Security.Claims;

namespace Scalekit.AspNetCore;

/// <summary>
/// The scopes an identity grants. An identity a Scalekit scheme authenticated carries exactly one
/// <see cref="ScalekitClaimTypes.Scopes"/> claim per granted scope (see <see cref="Normalize"/>), and nothing else is
/// read from it. A principal built by hand may also carry <c>scope</c> or <c>scp</c> strings: those are split on
/// U+0020 only (RFC 6749 §3.3), and a value that is not a scope-token grants nothing.
/// </summary>
internal static class ScopeClaims
{
    public static bool IsScopeClaim(string type) =>
        type is ScalekitClaimTypes.Scopes or ScalekitClaimTypes.Scope or ScalekitClaimTypes.Scp;

    /// <summary>
    /// The distinct scopes granted by the identities that a Scalekit scheme in <paramref name="schemes"/> authenticated
    /// (their <see cref="ClaimsIdentity.AuthenticationType"/> is the scheme name). Scope claims of identities from other
    /// schemes, merged into the same principal, never count: they are not Scalekit grants.
    /// </summary>
    public static HashSet<string> Read(ClaimsPrincipal principal, IReadOnlyList<string> schemes) =>
        Read(principal.Identities.Where(i => ScalekitIdentity.IsFrom(i, schemes) && i is not ApiKeyIdentity));

    /// <summary>
    /// Whether the identities that a Scalekit scheme in <paramref name="schemes"/> authenticated grant
    /// <paramref name="scope"/>: the same answer as <c>Read(principal, schemes).Contains(scope)</c>, without building
    /// the set (this runs for every request to a scoped endpoint).
    /// </summary>
    public static bool Grants(ClaimsPrincipal principal, IReadOnlyList<string> schemes, string scope)
    {
        foreach (var identity in principal.Identities)
        {
            if (!ScalekitIdentity.IsFrom(identity, schemes) || identity is ApiKeyIdentity)
            {
                continue; // an API key grants no scope, whatever claims were added to its identity
            }

            foreach (var claim in identity.Claims)
            {
                if (claim.Type == ScalekitClaimTypes.Scopes && string.Equals(claim.Value, scope, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Rewrites the identity a Scalekit scheme authenticated so that its scope claims are exactly one
    /// <see cref="ScalekitClaimTypes.Scopes"/> claim per scope in <paramref name="granted"/> (what
    /// <see cref="AccessTokenReader"/> read from the token's <c>scopes</c>, <c>scope</c> and <c>scp</c>): the original
    /// <c>scope</c> and <c>scp</c> claims are removed, so that no reader can split them differently.
    /// </summary>
    public static void Normalize(ClaimsIdentity identity, IReadOnlyCollection<string>? granted)
    {
        granted ??= [];
        var existing = identity.Claims.Where(c => IsScopeClaim(c.Type)).ToList();
        if (existing.Count == granted.Count && existing.All(c => c.Type == ScalekitClaimTypes.Scopes && granted.Contains(c.Value)))
        {
            return; // already one claim per scope (the usual Scalekit token): nothing to do
        }

        var issuer = existing.FirstOrDefault()?.Issuer ?? identity.Claims.FirstOrDefault()?.Issuer ?? ClaimsIdentity.DefaultIssuer;
        foreach (var claim in existing)
        {
            identity.RemoveClaim(claim);
        }

        foreach (var scope in granted)
        {
            identity.AddClaim(new Claim(ScalekitClaimTypes.Scopes, scope, ClaimValueTypes.String, issuer));
        }
    }

    /// <summary>The distinct scopes granted by <paramref name="identities"/>.</summary>
    public static HashSet<string> Read(IEnumerable<ClaimsIdentity> identities)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var identity in identities)
        {
            if (identity is ApiKeyIdentity)
            {
                continue;
            }

            foreach (var claim in identity.Claims)
            {
                if (claim.Type == ScalekitClaimTypes.Scopes)
                {
                    AddIfScopeToken(scopes, claim.Value);
                }
                else if (IsScopeClaim(claim.Type))
                {
                    var value = claim.Value.AsSpan();
                    foreach (var range in value.Split(' '))
                    {
                        AddIfScopeToken(scopes, value[range].ToString());
                    }
                }
            }
        }

        return scopes;
    }

    private static void AddIfScopeToken(HashSet<string> scopes, string scope)
    {
        if (AccessTokenShape.IsScopeToken(scope))
        {
            scopes.Add(scope);
        }
    }
}
