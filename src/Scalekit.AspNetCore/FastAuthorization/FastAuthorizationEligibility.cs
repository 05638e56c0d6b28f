using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore;

/// <summary>
/// Decides once, on the first request, whether <see cref="ScalekitPolicyEvaluator"/> may let requests through without
/// <see cref="IAuthorizationService"/>: only when nothing the application registered could answer differently from
/// the requirements themselves. Both the registrations (the service collection) and what the container resolves are
/// checked: a factory registration could hand out anything, and a container of another kind may hold registrations
/// the service collection does not show.
/// </summary>
internal static class FastAuthorizationEligibility
{
    private static readonly Assembly Framework = typeof(IAuthorizationService).Assembly;

    /// <summary>ASP.NET Core's services that <see cref="IAuthorizationService"/> answers with: ASP.NET Core's own, by type.</summary>
    private static readonly Type[] FrameworkServices =
        [typeof(IAuthorizationService), typeof(IAuthorizationHandlerProvider), typeof(IAuthorizationHandlerContextFactory), typeof(IAuthorizationEvaluator)];

    /// <summary>Why the shortcut may not be taken, or <see langword="null"/> when it may.</summary>
    public static string? ReasonOff(IServiceProvider requestServices, IEnumerable<ServiceDescriptor> registrations, bool innerIsFrameworkEvaluator)
    {
        if (!innerIsFrameworkEvaluator)
        {
            return "the application registered an IPolicyEvaluator of its own";
        }

        var registered = registrations.Where(d => !d.IsKeyedService).ToList();
        return SwitchedOff(requestServices)
            ?? ClaimsTransformation(requestServices, registered)
            ?? ReplacedService(requestServices, registered)
            ?? HandlerThatSeesOurRequirements(requestServices, registered);
    }

    private static string? SwitchedOff(IServiceProvider services)
    {
        var schemes = services.GetRequiredService<IOptions<ScalekitSchemeOptions>>().Value.Schemes;
        var options = services.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>();
        return schemes.FirstOrDefault(s => !options.Get(s).FastAuthorization) is { } off
            ? $"Scalekit:FastAuthorization is false for scheme '{off}'"
            : null;
    }

    private static string? ClaimsTransformation(IServiceProvider services, List<ServiceDescriptor> registered)
    {
        var registration = registered.LastOrDefault(d => d.ServiceType == typeof(IClaimsTransformation));
        var resolved = services.GetService<IClaimsTransformation>();
        return (registration is not null && registration.ImplementationType != typeof(NoopClaimsTransformation))
            || (resolved is not null && resolved.GetType() != typeof(NoopClaimsTransformation))
            ? $"the claims transformation {resolved?.GetType().Name ?? "registered"} could change the user between authentication and authorization"
            : null;
    }

    /// <summary>
    /// One of <see cref="FrameworkServices"/> that is not ASP.NET Core's registered by type (a factory or an instance
    /// could be ASP.NET Core's class built with handlers of its own), or resolves to a class of another assembly.
    /// </summary>
    private static string? ReplacedService(IServiceProvider services, List<ServiceDescriptor> registered)
    {
        foreach (var serviceType in FrameworkServices)
        {
            var registration = registered.LastOrDefault(d => d.ServiceType == serviceType);
            if ((registration is not null && registration.ImplementationType?.Assembly != Framework)
                || services.GetService(serviceType)?.GetType().Assembly is { } assembly && assembly != Framework)
            {
                return $"the application registered {serviceType.Name} itself";
            }
        }

        return null;
    }

    /// <summary>
    /// An authorization handler that could take part in deciding our requirements: among the registrations (where a
    /// factory may return any type on any request), among those the container resolves, and among those the handler
    /// provider hands out for a context holding both requirements.
    /// </summary>
    private static string? HandlerThatSeesOurRequirements(IServiceProvider services, List<ServiceDescriptor> registered)
    {
        foreach (var registration in registered.Where(d => d.ServiceType == typeof(IAuthorizationHandler)))
        {
            var type = registration.ImplementationType ?? registration.ImplementationInstance?.GetType();
            if (type is null)
            {
                return "an authorization handler is registered through a factory";
            }

            if (!LeavesOurRequirements(type))
            {
                return $"the authorization handler {type.Name} could handle an authenticated-user or scope requirement";
            }
        }

        var probe = new AuthorizationHandlerContext(
            [new DenyAnonymousAuthorizationRequirement(), new ScalekitScopeRequirement(ScopeMatch.All, ["probe"])], new ClaimsPrincipal(), null);
        var provided = services.GetRequiredService<IAuthorizationHandlerProvider>().GetHandlersAsync(probe);
        if (!provided.IsCompletedSuccessfully)
        {
            return "the authorization handler provider answers asynchronously";
        }

        var handler = services.GetServices<IAuthorizationHandler>().Concat(provided.Result).FirstOrDefault(h => !LeavesOurRequirements(h.GetType()));
        return handler is not null
            ? $"the authorization handler {handler.GetType().Name} could handle an authenticated-user or scope requirement"
            : null;
    }

    /// <summary>
    /// Whether <paramref name="handlerType"/> cannot take part in deciding <see cref="DenyAnonymousAuthorizationRequirement"/>
    /// and <see cref="ScalekitScopeRequirement"/>: ASP.NET Core's pass-through handler, ours, or an
    /// <see cref="AuthorizationHandler{TRequirement}"/> of another requirement type whose <c>HandleAsync</c> (the method
    /// the interface dispatches to) is that base class's own. A handler of any other shape sees every requirement, and
    /// could fail the request.
    /// </summary>
    private static bool LeavesOurRequirements(Type handlerType)
    {
        if (handlerType == typeof(PassThroughAuthorizationHandler) || handlerType == typeof(ScopeAuthorizationHandler))
        {
            return true;
        }

        // The method the framework calls: an explicit re-implementation of the interface counts, not only overrides.
        var handleAsync = handlerType.GetInterfaceMap(typeof(IAuthorizationHandler)).TargetMethods[0];
        for (var type = handlerType.BaseType; type is not null; type = type.BaseType)
        {
            if (!type.IsGenericType)
            {
                continue;
            }

            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(AuthorizationHandler<>) || definition == typeof(AuthorizationHandler<,>))
            {
                var requirement = type.GetGenericArguments()[0];
                return handleAsync.DeclaringType == type
                    && !requirement.IsAssignableFrom(typeof(DenyAnonymousAuthorizationRequirement))
                    && !requirement.IsAssignableFrom(typeof(ScalekitScopeRequirement));
            }
        }

        return false;
    }
}
