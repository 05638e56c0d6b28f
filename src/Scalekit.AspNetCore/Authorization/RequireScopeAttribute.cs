namespace Scalekit.AspNetCore.Authorization;

/// <summary>
/// Requires a valid Scalekit access token that grants <b>all</b> of the listed scopes. Implies authentication:
/// no <c>[Authorize]</c> is needed. Several attributes on a controller and its action all apply (AND).
/// A token without the scopes is answered with 403 and <c>WWW-Authenticate: Bearer error="insufficient_scope"</c>.
/// </summary>
/// <example>
/// <code>
/// [ApiController, Route("api/deployments")]
/// public sealed class DeploymentsController : ControllerBase
/// {
///     [HttpPost, RequireScope("deploy:applications")]
///     public IActionResult Deploy() => Accepted();
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireScopeAttribute : ScalekitScopeAttribute
{
    /// <summary>Requires every one of <paramref name="scopes"/>.</summary>
    /// <param name="scopes">One or more scopes, such as <c>deploy:applications</c>.</param>
    public RequireScopeAttribute(params string[] scopes)
        : base(ScopeMatch.All, scopes)
    {
    }
}
