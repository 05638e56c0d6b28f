using System.Security.Claims;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>The outcome of checking scope requirements against the scopes a token grants.</summary>
internal sealed class ScopeCheck
{
    private ScopeCheck(List<string> required, List<string> missing)
    {
        Required = required;
        Missing = missing;
    }

    /// <summary>
    /// Every scope the endpoint requires, in order, without duplicates: all scopes of all-of requirements and of unmet
    /// any-of requirements, and the granted alternatives of met any-of requirements. A token with all of them passes.
    /// </summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The scopes the token lacks: for an unmet any-of requirement, all of its alternatives.</summary>
    public IReadOnlyList<string> Missing { get; }

    public bool Satisfied => Missing.Count == 0;

    public static bool IsSatisfied(ScalekitScopeRequirement requirement, IReadOnlySet<string> granted) =>
        requirement.Match == ScopeMatch.All
            ? requirement.Scopes.All(granted.Contains)
            : requirement.Scopes.Any(granted.Contains);

    /// <summary>
    /// Whether the Scalekit identities of <paramref name="principal"/> meet <paramref name="requirement"/>: the check of
    /// every request to a scoped endpoint, so it reads the claims in place instead of collecting the granted scopes.
    /// </summary>
    public static bool IsSatisfied(ScalekitScopeRequirement requirement, ClaimsPrincipal principal, IReadOnlyList<string> schemes)
    {
        var all = requirement.Match == ScopeMatch.All;
        var scopes = requirement.Scopes;
        for (var i = 0; i < scopes.Count; i++)
        {
            if (ScopeClaims.Grants(principal, schemes, scopes[i]) != all)
            {
                return !all;
            }
        }

        return all;
    }

    /// <summary>Whether <paramref name="principal"/> meets every one of <paramref name="requirements"/>.</summary>
    public static bool AreSatisfied(IReadOnlyList<ScalekitScopeRequirement> requirements, ClaimsPrincipal principal, IReadOnlyList<string> schemes)
    {
        for (var i = 0; i < requirements.Count; i++)
        {
            if (!IsSatisfied(requirements[i], principal, schemes))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks <paramref name="requirements"/>: pass every scope requirement of the endpoint, met or not.</summary>
    public static ScopeCheck Evaluate(IEnumerable<ScalekitScopeRequirement> requirements, IReadOnlySet<string> granted)
    {
        var required = new List<string>();
        var missing = new List<string>();
        foreach (var requirement in requirements)
        {
            var satisfied = IsSatisfied(requirement, granted);
            foreach (var scope in requirement.Scopes)
            {
                if (!satisfied)
                {
                    AddOnce(required, scope);
                    if (!granted.Contains(scope))
                    {
                        AddOnce(missing, scope);
                    }
                }
                else if (requirement.Match == ScopeMatch.All || granted.Contains(scope))
                {
                    AddOnce(required, scope);
                }
            }
        }

        return new ScopeCheck(required, missing);
    }

    private static void AddOnce(List<string> list, string scope)
    {
        if (!list.Contains(scope, StringComparer.Ordinal))
        {
            list.Add(scope);
        }
    }
}
