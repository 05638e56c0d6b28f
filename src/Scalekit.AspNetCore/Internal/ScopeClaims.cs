using System.Security.Claims;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// Reads granted scopes from the three places tokens carry them: <c>scopes</c> (JSON array, what Scalekit issues),
/// <c>scope</c> (space-delimited string) and <c>scp</c> (string or array).
/// </summary>
internal static class ScopeClaims
{
    private const string Separators = " \t\n\r";

    public static bool IsScopeClaim(string type) =>
        type is ScalekitClaimTypes.Scopes or ScalekitClaimTypes.Scope or ScalekitClaimTypes.Scp;

    /// <summary>
    /// The distinct scopes granted by the identities that a Scalekit scheme in <paramref name="schemes"/> authenticated
    /// (their <see cref="ClaimsIdentity.AuthenticationType"/> is the scheme name). Scope claims of identities from other
    /// schemes, merged into the same principal, never count: they are not Scalekit grants.
    /// </summary>
    public static HashSet<string> Read(ClaimsPrincipal principal, IReadOnlyList<string> schemes) =>
        Read(principal.Identities.Where(i => IsScalekit(i, schemes)));

    /// <summary>
    /// Whether the identities that a Scalekit scheme in <paramref name="schemes"/> authenticated grant
    /// <paramref name="scope"/>: the same answer as <c>Read(principal, schemes).Contains(scope)</c>, without building
    /// the set (this runs for every request to a scoped endpoint).
    /// </summary>
    public static bool Grants(ClaimsPrincipal principal, IReadOnlyList<string> schemes, string scope)
    {
        foreach (var identity in principal.Identities)
        {
            if (!IsScalekit(identity, schemes))
            {
                continue;
            }

            foreach (var claim in identity.Claims)
            {
                if (IsScopeClaim(claim.Type) && Lists(claim.Value, scope))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Rewrites the identity so that every granted scope is one <see cref="ScalekitClaimTypes.Scopes"/> claim.
    /// The original <c>scope</c> and <c>scp</c> claims are left as they are.
    /// </summary>
    public static void Normalize(ClaimsIdentity identity)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        AddFrom(identity, scopes);

        var existing = identity.FindAll(ScalekitClaimTypes.Scopes).ToList();
        if (existing.Count == scopes.Count && existing.All(c => scopes.Contains(c.Value)))
        {
            return; // already one claim per scope (the usual Scalekit token): nothing to do
        }

        foreach (var claim in existing)
        {
            identity.RemoveClaim(claim);
        }

        var issuer = existing.FirstOrDefault()?.Issuer ?? identity.Claims.FirstOrDefault()?.Issuer ?? ClaimsIdentity.DefaultIssuer;
        foreach (var scope in scopes)
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
            AddFrom(identity, scopes);
        }

        return scopes;
    }

    private static void AddFrom(ClaimsIdentity identity, HashSet<string> scopes)
    {
        foreach (var claim in identity.Claims)
        {
            if (!IsScopeClaim(claim.Type))
            {
                continue;
            }

            var value = claim.Value.AsSpan();
            foreach (var range in value.SplitAny(Separators))
            {
                if (!value[range].IsEmpty)
                {
                    scopes.Add(value[range].ToString());
                }
            }
        }
    }

    /// <summary>Whether the white-space separated <paramref name="value"/> lists <paramref name="scope"/>.</summary>
    private static bool Lists(string value, string scope)
    {
        var span = value.AsSpan();
        foreach (var range in span.SplitAny(Separators))
        {
            if (span[range].SequenceEqual(scope))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsScalekit(ClaimsIdentity identity, IReadOnlyList<string> schemes)
    {
        if (identity.AuthenticationType is not { } type)
        {
            return false;
        }

        for (var i = 0; i < schemes.Count; i++)
        {
            if (string.Equals(schemes[i], type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
