using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers Scalekit API authentication: the <c>Scalekit</c> JWT scheme on a cached JWKS, authorization with the
/// scope policy provider, the 403 <c>insufficient_scope</c> answer and ProblemDetails.
/// </summary>
public static class ScalekitApiAuthExtensions
{
    /// <summary>
    /// Protects the application with Scalekit access tokens, configured from the <c>Scalekit</c> configuration section
    /// and the <c>SCALEKIT_ENVIRONMENT_URL</c> / <c>SCALEKIT_AUDIENCE</c> environment variables (which win when set),
    /// then <paramref name="configure"/>. <c>Scalekit</c> becomes the default authentication scheme.
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = WebApplication.CreateBuilder(args);
    /// builder.AddScalekitApiAuth();
    /// </code>
    /// </example>
    /// <typeparam name="TBuilder">The host builder.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Adjusts the options after configuration was read.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static TBuilder AddScalekitApiAuth<TBuilder>(this TBuilder builder, Action<ScalekitApiAuthOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Services.AddScalekitApiAuth(options =>
        {
            ScalekitConfigurationReader.Apply(configuration, options);
            configure?.Invoke(options);
        });
        return builder;
    }

    /// <summary>
    /// Protects the application with Scalekit access tokens configured by <paramref name="configure"/> only (no
    /// configuration is read). <c>Scalekit</c> becomes the default authentication scheme.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options: at least <see cref="ScalekitApiAuthOptions.EnvironmentUrl"/> and <see cref="ScalekitApiAuthOptions.Audiences"/>.</param>
    /// <returns>The <see cref="AuthenticationBuilder"/>, to add other schemes beside this one.</returns>
    public static AuthenticationBuilder AddScalekitApiAuth(this IServiceCollection services, Action<ScalekitApiAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services
            .AddAuthentication(ScalekitApiAuthDefaults.AuthenticationScheme)
            .AddScalekitApiAuth(ScalekitApiAuthDefaults.AuthenticationScheme, configure);
    }

    /// <summary>
    /// Adds a Scalekit scheme beside other authentication schemes. It does not change the default scheme; scope
    /// attributes and <c>.RequireScope(…)</c> authenticate with every Scalekit scheme registered.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name; <see cref="ScalekitApiAuthDefaults.AuthenticationScheme"/> by default.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static AuthenticationBuilder AddScalekitApiAuth(
        this AuthenticationBuilder builder,
        string authenticationScheme,
        Action<ScalekitApiAuthOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(authenticationScheme);
        ArgumentNullException.ThrowIfNull(configure);

        var services = builder.Services;
        AddCoreServices(services);
        services.Configure<ScalekitSchemeOptions>(o => o.Add(authenticationScheme));
        services.AddOptions<ScalekitApiAuthOptions>(authenticationScheme).Configure(configure).ValidateOnStart();
        ApiKeyServices.AddIfEnabled(services, authenticationScheme, configure);

        return builder.AddScheme<JwtBearerOptions, ScalekitApiAuthHandler>(authenticationScheme, displayName: "Scalekit", configureOptions: null);
    }

    private static void AddCoreServices(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ScalekitApiAuthMarker)))
        {
            return;
        }

        services.AddSingleton<ScalekitApiAuthMarker>();
        services.AddHttpClient(ScalekitApiAuthDefaults.BackchannelHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(ScalekitBackchannel.DoNotFollowRedirects);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScalekitMetrics>();
        services.TryAddSingleton<ScalekitCacheRegistry>();
        services.AddHostedService<ScalekitStartup>();
        services.AddHostedService<SigningKeyWarmUp>();
        services.AddTransient<IStartupFilter, UnguardedScopeEndpoints>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScalekitApiAuthOptions>, ScalekitApiAuthOptionsValidator>());
        ApiKeyServices.AddCore(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, ConfigureScalekitJwtBearerOptions>());

        services.AddAuthorization();
        services.AddProblemDetails();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ScopeAuthorizationHandler>());
        ServiceDecoration.Decorate<IAuthorizationPolicyProvider>(services, (sp, inner) =>
            new ScopePolicyProvider(inner, sp.GetRequiredService<IOptions<ScalekitSchemeOptions>>()));
        services.TryAddSingleton<ScopeControllerFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<ScopeControllerFilter>());

        ServiceDecoration.Decorate<IAuthorizationMiddlewareResultHandler>(services, (sp, inner) =>
            new ScalekitAuthorizationResultHandler(inner, sp.GetRequiredService<Logging.ILogger<ScalekitAuthorizationResultHandler>>()));
        ServiceDecoration.DecoratePolicyEvaluator(services);
    }
}
