using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>Succeeds a <see cref="ScalekitScopeRequirement"/> when the user's token grants the scopes.</summary>
internal sealed class ScopeAuthorizationHandler(IOptions<ScalekitSchemeOptions> schemes) : AuthorizationHandler<ScalekitScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScalekitScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated == true && ScopeCheck.IsSatisfied(requirement, context.User, schemes.Value.Schemes))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
