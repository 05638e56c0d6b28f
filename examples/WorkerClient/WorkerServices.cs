namespace WorkerClient;

/// <summary>The worker's wiring, shared by Program.cs and the tests.</summary>
public static class WorkerServices
{
    /// <summary>
    /// The typed <see cref="DeploymentsClient"/> on <c>DeploymentsApi:BaseAddress</c>, with Scalekit client credentials
    /// from <c>Scalekit:Client</c> and <c>SCALEKIT_*</c>: the one line that matters is <c>.AddScalekitClientCredentials()</c>.
    /// </summary>
    public static IServiceCollection AddDeploymentsClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeploymentsApiOptions>(configuration.GetSection(DeploymentsApiOptions.Section));
        var baseAddress = configuration.GetSection(DeploymentsApiOptions.Section).Get<DeploymentsApiOptions>()?.BaseAddress ?? new DeploymentsApiOptions().BaseAddress;
        services.AddHttpClient<DeploymentsClient>(http => http.BaseAddress = baseAddress)
            .AddScalekitClientCredentials();
        return services;
    }
}
