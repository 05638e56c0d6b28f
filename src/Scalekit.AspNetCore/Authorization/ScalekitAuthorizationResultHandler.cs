using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>
/// Answers a request forbidden by a <see cref="ScalekitScopeRequirement"/> with 403 <c>insufficient_scope</c>
/// (RFC 6750 §3.1); any other outcome goes to the default handler (or the one the application registered before us).
/// </summary>
internal sealed class ScalekitAuthorizationResultHandler(IAuthorizationMiddlewareResultHandler inner, ILogger<ScalekitAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScalekitScopeRequirement>().Any() == true)
        {
            // All scope requirements of the policy, met ones included, so that the answer names every scope the endpoint needs.
            return InsufficientScope.WriteAsync(context, policy.Requirements.OfType<ScalekitScopeRequirement>(), logger);
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
