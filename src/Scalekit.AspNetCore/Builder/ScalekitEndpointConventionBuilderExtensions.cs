using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;
using Scalekit.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Scope requirements for minimal API endpoints and route groups.
/// </summary>
public static class ScalekitEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Requires a valid Scalekit access token that grants <b>all</b> of <paramref name="scopes"/>. Implies authentication.
    /// Several calls (on the endpoint and its groups) all apply. Answers exactly like <see cref="RequireScopeAttribute"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// app.MapPost("/api/deployments", Deploy).RequireScope("deploy:applications");
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The endpoint or route-group builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="scopes">One or more scopes.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder =>
        AddScopeRequirement(builder, new RequireScopeAttribute(scopes));

    /// <summary>
    /// Requires a valid Scalekit access token that grants <b>at least one</b> of <paramref name="scopes"/>. Implies authentication.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint or route-group builder.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="scopes">One or more scopes.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static TBuilder RequireAnyScope<TBuilder>(this TBuilder builder, params string[] scopes)
        where TBuilder : IEndpointConventionBuilder =>
        AddScopeRequirement(builder, new RequireAnyScopeAttribute(scopes));

    private static TBuilder AddScopeRequirement<TBuilder>(TBuilder builder, ScalekitScopeAttribute attribute)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(attribute, ScopeEndpointFilter.Applied);
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var services = context.ApplicationServices;
            if (services.GetService<ScalekitApiAuthMarker>() is null)
            {
                throw new InvalidOperationException(
                    $"The endpoint {context.MethodInfo.Name} requires Scalekit scopes ({attribute.ToRequirement()}), but Scalekit API auth is not registered. " +
                    "Call builder.AddScalekitApiAuth() (or services.AddScalekitApiAuth(…)) at start-up.");
            }

            var filter = new ScopeEndpointFilter(
                attribute.ToRequirement(),
                services.GetRequiredService<IOptions<ScalekitSchemeOptions>>().Value.Schemes.ToArray(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Scalekit.AspNetCore.Authorization"));
            return invocation => filter.InvokeAsync(invocation, next);
        });
        return builder;
    }
}
