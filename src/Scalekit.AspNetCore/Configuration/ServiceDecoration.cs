using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// Puts Scalekit's services in front of the ones registered before <c>AddScalekitApiAuth</c> (ASP.NET Core's defaults,
/// or the application's own), which keep working behind them: what <see cref="ScalekitApiAuthExtensions"/> registers
/// with, kept apart so that the registration file only registers.
/// </summary>
internal static class ServiceDecoration
{
    /// <summary>
    /// Puts <see cref="ScalekitPolicyEvaluator"/> in front of the registered <see cref="IPolicyEvaluator"/>, which stays
    /// registered as it was (lifetime included) under <see cref="ScalekitPolicyEvaluator.InnerKey"/>: a transient
    /// evaluator and the authorization services it depends on are still created per request when the shortcut is not
    /// taken.
    /// </summary>
    public static void DecoratePolicyEvaluator(IServiceCollection services)
    {
        var inner = services.Last(d => d.ServiceType == typeof(IPolicyEvaluator) && !d.IsKeyedService);
        var key = ScalekitPolicyEvaluator.InnerKey;
        services.Add(inner.ImplementationInstance is { } instance
            ? new ServiceDescriptor(typeof(IPolicyEvaluator), key, instance)
            : inner.ImplementationFactory is { } factory
                ? new ServiceDescriptor(typeof(IPolicyEvaluator), key, (sp, _) => factory(sp), inner.Lifetime)
                : new ServiceDescriptor(typeof(IPolicyEvaluator), key, inner.ImplementationType!, inner.Lifetime));
        var isFramework = inner.ImplementationType == typeof(PolicyEvaluator);
        services.Replace(ServiceDescriptor.Singleton<IPolicyEvaluator>(sp => new ScalekitPolicyEvaluator(
            isFramework,
            services, // read on the first request, when every registration is in
            sp.GetRequiredService<IOptions<ScalekitSchemeOptions>>(),
            sp.GetRequiredService<ILogger<ScalekitPolicyEvaluator>>())));
    }

    /// <summary>
    /// Replaces the registration of <typeparamref name="TService"/> (AddAuthorization's default, or the application's
    /// own, made before this call) by <paramref name="decorate"/> wrapped around it, as a singleton.
    /// </summary>
    public static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var inner = services.Last(d => d.ServiceType == typeof(TService) && !d.IsKeyedService);
        services.Replace(ServiceDescriptor.Singleton(sp => decorate(sp, (TService)CreateInner(sp, inner))));
    }

    private static object CreateInner(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
