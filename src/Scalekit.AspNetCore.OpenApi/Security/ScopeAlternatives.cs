using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.OpenApi;

/// <summary>
/// Turns the scope requirements of an endpoint (all of them apply) into the scope sets that satisfy them, as OpenAPI
/// security requirements say it: a list of alternatives, each a list of scopes that are all needed.
/// </summary>
internal static class ScopeAlternatives
{
    /// <summary>
    /// The smallest scope sets satisfying every requirement: all-of scopes are in each set, an any-of requirement
    /// gives one set per scope; a set that contains another is dropped (it adds nothing). Scopes keep their order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(IReadOnlyList<ScalekitScopeRequirement> requirements)
    {
        List<List<string>> sets = [[]];
        foreach (var requirement in requirements)
        {
            sets = requirement.Match == ScopeMatch.All
                ? sets.Select(set => With(set, requirement.Scopes)).ToList()
                : sets.SelectMany(set => requirement.Scopes.Select(scope => With(set, [scope]))).ToList();
        }

        var minimal = new List<IReadOnlyList<string>>();
        foreach (var set in sets)
        {
            var covered = sets.Any(other => other.Count < set.Count && other.All(set.Contains))
                          || minimal.Any(kept => kept.Count == set.Count && kept.All(set.Contains));
            if (!covered)
            {
                minimal.Add(set);
            }
        }

        return minimal;
    }

    private static List<string> With(List<string> set, IReadOnlyList<string> scopes)
    {
        var result = new List<string>(set);
        foreach (var scope in scopes)
        {
            if (!result.Contains(scope, StringComparer.Ordinal))
            {
                result.Add(scope);
            }
        }

        return result;
    }
}
