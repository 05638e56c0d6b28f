using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scalekit.Client;
using Scalekit.Client.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds Scalekit client credentials to an HttpClient: every request to the API gets a cached Bearer token, refreshed
/// shortly before it expires, once for all concurrent callers.
/// </summary>
public static class ScalekitClientCredentialsExtensions
{
    /// <summary>
    /// Attaches Scalekit access tokens to this HttpClient's requests, configured from the <c>Scalekit:Client</c> section
    /// and the <c>SCALEKIT_ENVIRONMENT_URL</c> / <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c> environment
    /// variables (which win when set), then <paramref name="configure"/>. Tokens go only to the HttpClient's
    /// <c>BaseAddress</c> and the <see cref="ScalekitClientCredentialsOptions.AllowedHosts"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddHttpClient&lt;DeploymentsClient&gt;(c =&gt; c.BaseAddress = new Uri("https://deployment-api.acmecorp.com"))
    ///     .AddScalekitClientCredentials();
    /// </code>
    /// </example>
    /// <param name="builder">The HttpClient builder.</param>
    /// <param name="configure">Adjusts the options after configuration was read.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IHttpClientBuilder AddScalekitClientCredentials(this IHttpClientBuilder builder, Action<ScalekitClientCredentialsOptions>? configure = null) =>
        builder.AddScalekitClientCredentials(ScalekitClientDefaults.ConfigurationSection, configure);

    /// <summary>
    /// Attaches Scalekit access tokens to this HttpClient's requests, configured from <paramref name="configurationSection"/>
    /// (no environment variables are read for sections other than <c>Scalekit:Client</c> and <c>Scalekit:Management</c>),
    /// then <paramref name="configure"/>. Use it when one service calls APIs as several clients.
    /// </summary>
    /// <param name="builder">The HttpClient builder.</param>
    /// <param name="configurationSection">The section to read, such as <c>Scalekit:Clients:Billing</c>.</param>
    /// <param name="configure">Adjusts the options after configuration was read.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IHttpClientBuilder AddScalekitClientCredentials(this IHttpClientBuilder builder, string configurationSection, Action<ScalekitClientCredentialsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(configurationSection);

        var name = builder.Name;
        var services = builder.Services;
        AddCoreServices(services);
        services.Configure<ScalekitClientRegistrations>(r => r.SectionByName[name] = configurationSection);
        services.AddOptions<ScalekitClientCredentialsOptions>(name)
            .Configure<IServiceProvider>((options, provider) =>
            {
                if (provider.GetService<IConfiguration>() is { } configuration)
                {
                    ClientConfigurationReader.Apply(configuration, configurationSection, options);
                }
            })
            .Configure(options => configure?.Invoke(options))
            .ValidateOnStart();

        // No HttpClient logging on the token client: at Trace it would expose the Basic credentials in its structured
        // state. Token requests are logged by this library's own events instead.
        services.AddHttpClient(ScalekitClientDefaults.TokenHttpClientNamePrefix + name)
            .RemoveAllLoggers()
            // A redirect would re-post the form body, client secret included, to whatever host it names.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .ConfigureHttpClient(http =>
            {
                // The resilience pipeline owns the time-outs; token responses are small.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = 256 * 1024;
            })
            .AddResilienceHandler("Scalekit.Token", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(name);
                var logger = context.ServiceProvider.GetRequiredService<ILogger<TokenEndpointClient>>();
                TokenRetryStrategy.Configure(pipeline, options.TokenRequest, options.ClientId ?? name, logger);
            });

        return builder.AddHttpMessageHandler(provider => ScalekitClientCredentialsHandler.Create(provider, name));
    }

    private static void AddCoreServices(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClientTelemetry>();
        services.TryAddSingleton<TokenEndpointClient>();
        services.TryAddSingleton<SharedTokenCache>();
        services.TryAddSingleton<TokenCache>();
        services.TryAddSingleton<ApiRefusalBackoff>();
        services.TryAddSingleton<IScalekitTokenProvider, ScalekitTokenProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScalekitClientCredentialsOptions>, ScalekitClientCredentialsOptionsValidator>());
    }
}
