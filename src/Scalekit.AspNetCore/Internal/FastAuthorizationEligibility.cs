using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Authorization;

namespace Scalekit.AspNetCore.Internal;

/// <summary>
/// Decides once, on the first request, whether <see cref="ScalekitPolicyEvaluator"/> may let requests through without
/// <see cref="IAuthorizationService"/>: only when nothing the application registered could answer differently from
/// the requirements themselves.
/// </summary>
internal static class FastAuthorizationEligibility
{
    private static readonly Assembly Framework = typeof(IAuthorizationService).Assembly;

    /// <summary>Why the shortcut may not be taken, or <see langword="null"/> when it may.</summary>
    public static string? ReasonOff(IServiceProvider requestServices, bool innerIsFrameworkEvaluator)
    {
        if (!innerIsFrameworkEvaluator)
        {
            return "the application registered an IPolicyEvaluator of its own";
        }

        var schemes = requestServices.GetRequiredService<IOptions<ScalekitSchemeOptions>>().Value.Schemes;
        var options = requestServices.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>();
        if (schemes.FirstOrDefault(s => !options.Get(s).FastAuthorization) is { } off)
        {
            return $"Scalekit:FastAuthorization is false for scheme '{off}'";
        }

        if (requestServices.GetService<IClaimsTransformation>() is { } transformation && transformation.GetType() != typeof(NoopClaimsTransformation))
        {
            return $"the claims transformation {transformation.GetType().Name} could change the user between authentication and authorization";
        }

        if (FirstForeign(requestServices, typeof(IAuthorizationService), typeof(IAuthorizationHandlerProvider),
                typeof(IAuthorizationHandlerContextFactory), typeof(IAuthorizationEvaluator)) is { } service)
        {
            return $"the application replaced {service.Name}";
        }

        return requestServices.GetServices<IAuthorizationHandler>().FirstOrDefault(h => !LeavesOurRequirements(h.GetType())) is { } handler
            ? $"the authorization handler {handler.GetType().Name} could handle an authenticated-user or scope requirement"
            : null;
    }

    private static Type? FirstForeign(IServiceProvider services, params Type[] serviceTypes) =>
        serviceTypes.FirstOrDefault(t => services.GetService(t) is { } instance && instance.GetType().Assembly != Framework);

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
