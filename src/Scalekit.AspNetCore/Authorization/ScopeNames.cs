namespace Scalekit.AspNetCore.Authorization;

/// <summary>Validation and the policy-name encoding of scope lists, shared by the attributes, requirement and provider.</summary>
internal static class ScopeNames
{
    /// <summary>Prefix of the policy names that <see cref="RequireScopeAttribute"/> and <see cref="RequireAnyScopeAttribute"/> carry.</summary>
    public const string PolicyPrefix = "Scalekit.Scope:";

    public static string[] Validate(IEnumerable<string>? scopes, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(scopes, parameterName);
        var list = scopes.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Name at least one scope, for example \"deploy:applications\".", parameterName);
        }

        foreach (var scope in list)
        {
            if (scope is null || !AccessTokenShape.IsScopeToken(scope))
            {
                throw new ArgumentException($"'{scope}' is not a valid scope: a scope is non-empty printable ASCII without white space, '\"' or '\\' (RFC 6749 §3.3), so no token could grant it. Pass several scopes as separate arguments.", parameterName);
            }
        }

        return list;
    }

    public static string ToPolicyName(ScopeMatch match, IReadOnlyList<string> scopes) =>
        PolicyPrefix + (match == ScopeMatch.All ? "all:" : "any:") + string.Join(' ', scopes);

    public static ScalekitScopeRequirement? FromPolicyName(string policyName)
    {
        if (!policyName.StartsWith(PolicyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = policyName.AsSpan(PolicyPrefix.Length);
        ScopeMatch match;
        if (rest.StartsWith("all:", StringComparison.Ordinal))
        {
            match = ScopeMatch.All;
        }
        else if (rest.StartsWith("any:", StringComparison.Ordinal))
        {
            match = ScopeMatch.Any;
        }
        else
        {
            return null;
        }

        var scopes = rest[4..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Length == 0 ? null : new ScalekitScopeRequirement(match, scopes);
    }
}
