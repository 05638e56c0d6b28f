namespace Scalekit.AspNetCore.Authorization;

/// <summary>
/// Requires a valid Scalekit access token that grants <b>at least one</b> of the listed scopes. Implies authentication.
/// Combines with other scope attributes on the same controller or action (AND).
/// </summary>
/// <example>
/// <code>
/// [HttpGet, RequireAnyScope("read:deployments", "admin:deployments")]
/// public IActionResult List() => Ok(deployments);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireAnyScopeAttribute : ScalekitScopeAttribute
{
    /// <summary>Requires any one of <paramref name="scopes"/>.</summary>
    /// <param name="scopes">One or more scopes.</param>
    public RequireAnyScopeAttribute(params string[] scopes)
        : base(ScopeMatch.Any, scopes)
    {
    }
}
