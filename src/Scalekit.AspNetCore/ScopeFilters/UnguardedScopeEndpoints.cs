using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>
/// Finds minimal-API endpoints whose scope attribute <c>AllowAnonymous</c> would switch off: authorization skips them,
/// and only <c>.RequireScope(…)</c> (its endpoint filter) or, for controllers, the MVC scope filter would refuse the
/// request. Such an endpoint makes start-up fail, so that a misconfiguration never serves a 200 without a token.
/// </summary>
internal sealed class UnguardedScopeEndpoints : IStartupFilter
{
    /// <summary>Checks the endpoints once the application's pipeline, and so its endpoints, are built.</summary>
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        ThrowIfAny(app.ApplicationServices.GetService<EndpointDataSource>());
    };

    public static void ThrowIfAny(EndpointDataSource? endpoints)
    {
        if (endpoints is null)
        {
            return;
        }

        var unguarded = endpoints.Endpoints
            .Where(e => e.Metadata.GetMetadata<ScalekitScopeAttribute>() is not null
                        && e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                        && e.Metadata.GetMetadata<ActionDescriptor>() is null
                        && !e.Metadata.Contains(ScopeEndpointFilter.Applied))
            .Select(e => e.DisplayName ?? (e as RouteEndpoint)?.RoutePattern.RawText ?? "(unnamed endpoint)")
            .ToList();

        if (unguarded.Count > 0)
        {
            throw new InvalidOperationException(
                $"These endpoints carry a Scalekit scope attribute and AllowAnonymous, which switches the attribute off: {string.Join(", ", unguarded)}. " +
                "Use .RequireScope(…) / .RequireAnyScope(…) on the endpoint or its group instead of the attribute (it keeps refusing requests " +
                "without the scopes), or remove AllowAnonymous.");
        }
    }
}
