namespace Scalekit.AspNetCore.Authorization;

/// <summary>How the scopes of one <see cref="ScalekitScopeRequirement"/> combine.</summary>
public enum ScopeMatch
{
    /// <summary>Every listed scope is required.</summary>
    All,

    /// <summary>Any one of the listed scopes is enough.</summary>
    Any,
}
