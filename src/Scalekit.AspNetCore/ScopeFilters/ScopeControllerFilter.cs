using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// The controller counterpart of <see cref="ScopeEndpointFilter"/>, registered as a global MVC filter: an
/// <c>[AllowAnonymous]</c> on the action or its controller makes authorization skip the scope policy, so this refuses
/// an action whose scope attributes are not met, with the same 401/403 answers.
/// </summary>
internal sealed class ScopeControllerFilter(IOptions<ScalekitSchemeOptions> schemes, ILoggerFactory loggerFactory) : IAsyncAuthorizationFilter
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("Scalekit.AspNetCore.Authorization");

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var requirements = InsufficientScopeResult.OfEndpoint(http, context.ActionDescriptor.EndpointMetadata);
        if (requirements.Count == 0)
        {
            return Task.CompletedTask;
        }

        var authenticated = http.User.Identity?.IsAuthenticated == true;
        if (authenticated && ScopeCheck.AreSatisfied(requirements, http.User, schemes.Value.Schemes))
        {
            return Task.CompletedTask;
        }

        _logger.ScopeFilterRefused(http.Request.Path);
        context.Result = authenticated
            ? new InsufficientScopeResult(requirements, _logger)
            : new ChallengeResult(schemes.Value.Schemes.ToArray());
        return Task.CompletedTask;
    }
}
