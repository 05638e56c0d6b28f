using System.Security.Claims;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// Reads granted scopes from the three places tokens carry them: <c>scopes</c> (JSON array, what Scalekit issues),
/// <c>scope</c> (space-delimited string) and <c>scp</c> (string or array).
/// </summary>
internal static class ScopeClaims
{
    private static readonly char[] Separators = [' ', '\t', '\n', '\r'];

    public static bool IsScopeClaim(string type) =>
        type is ScalekitClaimTypes.Scopes or ScalekitClaimTypes.Scope or ScalekitClaimTypes.Scp;

    /// <summary>The distinct scopes granted to <paramref name="principal"/>, from every identity.</summary>
    public static HashSet<string> Read(ClaimsPrincipal principal) => Read(principal.Identities);

    /// <summary>
    /// The distinct scopes granted by the identities that a Scalekit scheme in <paramref name="schemes"/> authenticated
    /// (their <see cref="ClaimsIdentity.AuthenticationType"/> is the scheme name). Scope claims of identities from other
    /// schemes, merged into the same principal, never count: they are not Scalekit grants.
    /// </summary>
    public static HashSet<string> Read(ClaimsPrincipal principal, IReadOnlyCollection<string> schemes) =>
        Read(principal.Identities.Where(i => i.AuthenticationType is { } scheme && schemes.Contains(scheme, StringComparer.Ordinal)));

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

            foreach (var scope in claim.Value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
            {
                scopes.Add(scope);
            }
        }
    }
}
