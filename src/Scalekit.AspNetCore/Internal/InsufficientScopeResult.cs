using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Internal;

/// <summary>The 403 <c>insufficient_scope</c> answer as a minimal-API result and as an MVC action result, for the scope filters.</summary>
internal sealed class InsufficientScopeResult(IEnumerable<ScalekitScopeRequirement> requirements, ILogger logger) : IResult, IActionResult
{
    public Task ExecuteAsync(HttpContext httpContext) => InsufficientScope.WriteAsync(httpContext, requirements, logger);

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);

    /// <summary>Every scope requirement of the request's endpoint, from its groups or controller too, in metadata order.</summary>
    public static List<ScalekitScopeRequirement> OfEndpoint(HttpContext context, IEnumerable<object>? fallbackMetadata = null) =>
        (context.GetEndpoint()?.Metadata ?? fallbackMetadata ?? [])
            .OfType<ScalekitScopeAttribute>()
            .Select(a => a.ToRequirement())
            .ToList();
}
