using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>The 403 <c>insufficient_scope</c> answer as a minimal-API result and as an MVC action result, for the scope filters.</summary>
internal sealed class InsufficientScopeResult(IEnumerable<ScalekitScopeRequirement> requirements, ILogger logger) : IResult, IActionResult
{
    public Task ExecuteAsync(HttpContext httpContext) => InsufficientScope.WriteAsync(httpContext, requirements, logger);

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    /// <summary>Every scope requirement of the request's endpoint, from its groups or controller too, in metadata order.</summary>
    public static IReadOnlyList<ScalekitScopeRequirement> OfEndpoint(HttpContext context, IEnumerable<object>? fallbackMetadata = null)
    {
        // The endpoint's metadata collection caches the typed lookup: nothing to allocate for an endpoint without scopes.
        IReadOnlyList<ScalekitScopeAttribute> attributes = context.GetEndpoint()?.Metadata.GetOrderedMetadata<ScalekitScopeAttribute>()
            ?? (fallbackMetadata ?? []).OfType<ScalekitScopeAttribute>().ToList();
        if (attributes.Count == 0)
        {
            return [];
        }

        var requirements = new ScalekitScopeRequirement[attributes.Count];
        for (var i = 0; i < requirements.Length; i++)
        {
            requirements[i] = attributes[i].ToRequirement();
        }

        return requirements;
    }
}
