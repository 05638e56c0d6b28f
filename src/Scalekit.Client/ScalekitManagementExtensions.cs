using Microsoft.Extensions.Options;
using Scalekit.Client;
using Scalekit.Client.Management;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ScalekitManagementClient"/>.</summary>
public static class ScalekitManagementExtensions
{
    /// <summary>
    /// Registers <see cref="ScalekitManagementClient"/> as a typed HttpClient named <c>Scalekit.Management</c> on the
    /// environment URL, authorized by the environment client's token. Configured from the <c>Scalekit:Management</c>
    /// section and the <c>SCALEKIT_ENVIRONMENT_URL</c> / <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c>
    /// environment variables (Scalekit's management API reference), then <paramref name="configure"/>. Its token goes to the environment's host only.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts the options after configuration was read.</param>
    /// <returns>The HttpClient builder, to add handlers.</returns>
    public static IHttpClientBuilder AddScalekitManagementClient(this IServiceCollection services, Action<ScalekitClientCredentialsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        const string Name = ScalekitClientDefaults.ManagementHttpClientName;
        services.AddOptions<ScalekitClientCredentialsOptions>(Name).PostConfigure(options =>
        {
            if (EnvironmentBase(options) is { } environment)
            {
                options.AllowedHosts.Add(environment.GetLeftPart(UriPartial.Authority));
            }
        });

        return services.AddHttpClient<ScalekitManagementClient>(Name)
            .ConfigureHttpClient((provider, http) =>
                http.BaseAddress ??= EnvironmentBase(provider.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(Name)))
            .AddScalekitClientCredentials(ScalekitClientDefaults.ManagementConfigurationSection, configure);
    }

    private static Uri? EnvironmentBase(ScalekitClientCredentialsOptions options) =>
        Uri.TryCreate(options.EnvironmentUrl?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
}
