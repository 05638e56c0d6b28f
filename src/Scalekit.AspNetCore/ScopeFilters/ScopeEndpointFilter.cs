using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>
/// The second line of defence for <c>.RequireScope(…)</c> on minimal APIs: authorization enforces the scope metadata
/// first; this filter refuses the request again if something let it through without the scopes (an
/// <c>AllowAnonymous</c>, a custom result handler), with the same 401/403 answers.
/// </summary>
internal sealed class ScopeEndpointFilter(ScalekitScopeRequirement requirement, string[] schemes, ILogger logger) : IEndpointFilter
{
    /// <summary>Endpoint metadata saying that this filter guards the endpoint (added by <c>.RequireScope(…)</c>).</summary>
    public static readonly object Applied = new ScopeEndpointFilterApplied();

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated == true && ScopeCheck.IsSatisfied(requirement, http.User, schemes))
        {
            return next(context);
        }

        logger.ScopeFilterRefused(http.Request.Path);

        // The 403 names every scope requirement of the endpoint (its groups' too), like the authorization answer.
        return ValueTask.FromResult<object?>(http.User.Identity?.IsAuthenticated == true
            ? new InsufficientScopeResult(InsufficientScopeResult.OfEndpoint(http) is { Count: > 0 } all ? all : [requirement], logger)
            : Results.Challenge(authenticationSchemes: schemes));
    }

    private sealed class ScopeEndpointFilterApplied;
}
