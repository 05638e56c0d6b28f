using Microsoft.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Authorization;

/// <summary>
/// An authorization requirement satisfied when the caller's access token grants the listed scopes
/// (all of them, or any one, depending on <see cref="Match"/>).
/// </summary>
public sealed class ScalekitScopeRequirement : IAuthorizationRequirement
{
    /// <summary>Creates a requirement.</summary>
    /// <param name="match">Whether all scopes or any one of them is required.</param>
    /// <param name="scopes">The scopes; at least one, none empty or containing white space.</param>
    public ScalekitScopeRequirement(ScopeMatch match, IEnumerable<string> scopes)
    {
        Match = match;
        Scopes = ScopeNames.Validate(scopes, nameof(scopes));
    }

    /// <summary>Whether all scopes or any one of them is required.</summary>
    public ScopeMatch Match { get; }

    /// <summary>The scopes, in the order given.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{nameof(ScalekitScopeRequirement)}: {(Match == ScopeMatch.All ? "all of" : "any of")} [{string.Join(", ", Scopes)}]";
}
