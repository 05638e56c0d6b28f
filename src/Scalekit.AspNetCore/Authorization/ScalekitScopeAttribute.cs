using Microsoft.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Authorization;

/// <summary>
/// The common base of <see cref="RequireScopeAttribute"/> and <see cref="RequireAnyScopeAttribute"/>: authorization
/// data whose policy name the Scalekit scope policy provider turns into a <see cref="ScalekitScopeRequirement"/>.
/// </summary>
public abstract class ScalekitScopeAttribute : Attribute, IAuthorizeData
{
    private ScalekitScopeRequirement? _requirement;

    private protected ScalekitScopeAttribute(ScopeMatch match, string[] scopes)
    {
        ScopeMatch = match;
        Scopes = ScopeNames.Validate(scopes, nameof(scopes));
        Policy = ScopeNames.ToPolicyName(match, Scopes);
    }

    /// <summary>Whether all scopes or any one of them is required.</summary>
    public ScopeMatch ScopeMatch { get; }

    /// <summary>The scopes, in the order given.</summary>
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>The policy name (<c>Scalekit.Scope:all:…</c> or <c>Scalekit.Scope:any:…</c>); set by the constructor.</summary>
    public string? Policy { get; set; }

    /// <summary>Not used: roles are not part of Scalekit API-client tokens.</summary>
    public string? Roles { get; set; }

    /// <summary>Not used: the scope policy authenticates with the Scalekit scheme(s).</summary>
    public string? AuthenticationSchemes { get; set; }

    /// <summary>The requirement this attribute stands for (one instance per attribute: requirements are immutable).</summary>
    public ScalekitScopeRequirement ToRequirement() => _requirement ??= new(ScopeMatch, Scopes);
}
