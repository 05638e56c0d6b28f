using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>The one place that turns failed scope requirements into a 403: used by authorization and the endpoint filter.</summary>
internal static class InsufficientScope
{
    public static Task WriteAsync(HttpContext context, IEnumerable<ScalekitScopeRequirement> requirements, ILogger logger)
    {
        var schemes = context.RequestServices.GetRequiredService<IOptions<ScalekitSchemeOptions>>().Value.Schemes;
        var check = ScopeCheck.Evaluate(requirements, ScopeClaims.Read(context.User, schemes));
        if (context.GetScalekitClient() is { Kind: ScalekitCallerKind.ApiKey } key)
        {
            logger.ApiKeyWithoutScopes(key.ApiKeyId, string.Join(' ', check.Missing), context.Request.Path);
            return ScalekitResponses.WriteInsufficientScopeAsync(context, check, apiKey: true);
        }

        logger.InsufficientScope(context.User.FindFirst(ScalekitClaimTypes.ClientId)?.Value, string.Join(' ', check.Missing), context.Request.Path);
        return ScalekitResponses.WriteInsufficientScopeAsync(context, check);
    }
}
