using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalekit.Emulator.ApiKeys;
using Scalekit.Emulator.Clients;
using Scalekit.Emulator.Endpoints;
using Scalekit.Emulator.Hosting;
using Scalekit.Emulator.Internal;
using Scalekit.Emulator.Management;
using Scalekit.Emulator.Organizations;
using Scalekit.Emulator.Storage;
using Scalekit.Emulator.Tokens;

namespace Scalekit.Emulator;

/// <summary>Hosts the emulator in any ASP.NET Core application.</summary>
public static class ScalekitEmulatorExtensions
{
    /// <summary>
    /// Registers the emulator's services, configured from the <c>Emulator</c> section of <paramref name="configuration"/>
    /// (when given), the <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c> keys, then <paramref name="configure"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application configuration, or <see langword="null"/>.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>A reference to <paramref name="services"/> after the operation has completed.</returns>
    public static IServiceCollection AddScalekitEmulator(this IServiceCollection services, IConfiguration? configuration = null, Action<ScalekitEmulatorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<ScalekitEmulatorOptions>().Configure(options =>
        {
            if (configuration is not null)
            {
                configuration.GetSection("Emulator").Bind(options);
                options.EnvironmentClientId = configuration["SCALEKIT_CLIENT_ID"] is { Length: > 0 } id ? id : options.EnvironmentClientId;
                options.EnvironmentClientSecret = configuration["SCALEKIT_CLIENT_SECRET"] is { Length: > 0 } secret ? secret : options.EnvironmentClientSecret;
            }

            configure?.Invoke(options);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmulatorDatabase>();
        services.TryAddSingleton<EmulatorStore>();
        services.TryAddSingleton<SigningKeyRing>();
        services.TryAddSingleton<EmulatorIssuer>();
        services.TryAddSingleton<EnvironmentTokenValidator>();
        services.TryAddSingleton<EnvironmentTokenFilter>();
        services.TryAddSingleton<OrganizationOperations>();
        services.TryAddSingleton<ClientOperations>();
        services.TryAddSingleton<ApiKeyOperations>();
        services.TryAddSingleton<HostRule>();
        services.TryAddSingleton<TokenEndpointCors>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, EmulatorStartupFilter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDeveloperPageExceptionFilter, DatabaseBusyPageFilter>());
        services.AddProblemDetails();
        services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<DatabaseBusyInterceptor>());
        services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = (int)EmulatorResults.MaxBodySize;
            grpc.Interceptors.Add<EnvironmentTokenInterceptor>();
        });
        return services;
    }

    /// <summary>
    /// Maps the emulator's endpoints: <c>/oauth/token</c>, <c>/keys</c>, <c>/.well-known/openid-configuration</c>,
    /// the management API under <c>/api/v1</c> and as gRPC (<c>/scalekit.v1.…</c>), key rotation under <c>/admin/v1</c>,
    /// and the admin page at <c>/</c>. gRPC needs HTTP/2: see <see cref="ScalekitEmulatorKestrelExtensions.UseScalekitEmulatorProtocols"/>.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>A reference to <paramref name="endpoints"/> after the operation has completed.</returns>
    public static IEndpointRouteBuilder MapScalekitEmulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var bodyLimit = new RequestSizeLimitAttribute(EmulatorResults.MaxBodySize);
        var cors = endpoints.ServiceProvider.GetRequiredService<TokenEndpointCors>();
        endpoints.MapPost("/oauth/token", TokenEndpoint.HandleAsync).DisableAntiforgery().WithMetadata(bodyLimit).AddEndpointFilter(cors);
        endpoints.MapMethods("/oauth/token", [HttpMethods.Options], cors.Preflight);
        endpoints.MapGet("/keys", DiscoveryEndpoints.Keys);
        endpoints.MapGet("/.well-known/openid-configuration", DiscoveryEndpoints.Configuration);

        var filter = endpoints.ServiceProvider.GetRequiredService<EnvironmentTokenFilter>();
        var api = endpoints.MapGroup("/api/v1").AddEndpointFilter(filter).WithMetadata(bodyLimit);
        OrganizationEndpoints.Map(api);
        ClientEndpoints.Map(api);
        ApiKeyEndpoints.Map(api);

        // The same operations over gRPC, as Scalekit's SDKs call them (HTTP/2: see UseScalekitEmulatorProtocols).
        endpoints.MapGrpcService<OrganizationGrpcService>();
        endpoints.MapGrpcService<ClientGrpcService>();
        endpoints.MapGrpcService<ApiTokenGrpcService>();

        var admin = endpoints.MapGroup("/admin/v1").AddEndpointFilter(filter).WithMetadata(bodyLimit);
        admin.MapPost("/keys/rotate", AdminEndpoints.Rotate);
        admin.MapGet("/keys", AdminEndpoints.List);

        if (endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScalekitEmulatorOptions>>().Value.EnableWebUi)
        {
            endpoints.MapGet("/", UiEndpoints.Page);
            endpoints.MapGet("/ui/session", UiEndpoints.Session);
        }

        return endpoints;
    }
}
