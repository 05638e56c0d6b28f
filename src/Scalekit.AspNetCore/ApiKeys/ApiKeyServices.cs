using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scalekit.Client;

namespace Scalekit.AspNetCore;

/// <summary>
/// Registers what API keys need, for the schemes that turn them on: the <see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/>
/// HttpClient on the environment URL with the environment client's credentials (the <c>Scalekit:Management</c>
/// section, <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c>), validated at start-up by the
/// <c>Scalekit.Client</c> package. Nothing is registered for an application that leaves API keys off, so it needs no
/// credentials.
/// </summary>
internal static class ApiKeyServices
{
    /// <summary>What every application gets: the start-up check of the API key options.</summary>
    public static void AddCore(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScalekitApiAuthOptions>, ApiKeyOptionsValidator>());

    /// <summary>
    /// Registers the API key services when <paramref name="configure"/> turns API keys on for <paramref name="scheme"/>
    /// (it is run once on options of its own to find out: API keys are turned on in configuration or in that delegate).
    /// </summary>
    public static void AddIfEnabled(IServiceCollection services, string scheme, Action<ScalekitApiAuthOptions> configure)
    {
        var probe = new ScalekitApiAuthOptions();
        configure(probe);
        if (!probe.ApiKeys.Enabled)
        {
            return;
        }

        services.Configure<ApiKeySchemes>(s => s.Schemes.Add(scheme));
        if (services.Any(d => d.ServiceType == typeof(ApiKeySchemes.Marker)))
        {
            return;
        }

        services.AddSingleton<ApiKeySchemes.Marker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScalekitClientCredentialsOptions>, ApiKeyEnvironmentValidator>());
        const string Name = ScalekitApiAuthDefaults.ApiKeysHttpClientName;
        services.AddOptions<ScalekitClientCredentialsOptions>(Name).PostConfigure<IOptions<ApiKeySchemes>, IOptionsMonitor<ScalekitApiAuthOptions>, IServiceProvider>((options, schemes, auth, provider) =>
        {
            // Keys are validated at the environment the resource server trusts (its EnvironmentUrl, which
            // SCALEKIT_ENVIRONMENT_URL sets too), unless Scalekit:Management:EnvironmentUrl names another.
            var management = provider.GetService<IConfiguration>()?[ScalekitClientDefaults.ManagementConfigurationSection + ":EnvironmentUrl"];
            if (string.IsNullOrWhiteSpace(management)
                && schemes.Value.Schemes.Select(s => auth.Get(s).EnvironmentUrl).FirstOrDefault(u => !string.IsNullOrWhiteSpace(u)) is { } trusted)
            {
                options.EnvironmentUrl = trusted;
            }

            if (EnvironmentBase(options) is { } environment)
            {
                options.AllowedHosts.Add(environment.GetLeftPart(UriPartial.Authority));
            }
        });

        // No BaseAddress here: the credentials' validation reads the HttpClient's configuration, which would read these
        // very options. ApiKeyValidator sets it from them; the token goes to the environment's host only (AllowedHosts).
        // Redirects are not followed: a 307/308 would re-post the body, which holds the plain key, to another address.
        // A redirect answer is then "Scalekit cannot be asked" (ApiKeyValidator), not a refusal.
        services.AddHttpClient(Name)
            .ConfigurePrimaryHttpMessageHandler(ScalekitBackchannel.DoNotFollowRedirects)
            .AddScalekitClientCredentials(ScalekitClientDefaults.ManagementConfigurationSection)
            .AddHttpMessageHandler(() => new ApiKeyValidationSpanHandler());
    }

    /// <summary>The environment URL of the API key HttpClient's credentials, with a trailing slash (a base address).</summary>
    public static Uri? EnvironmentBase(ScalekitClientCredentialsOptions options) => EnvironmentBase(options.EnvironmentUrl);

    /// <summary><paramref name="environmentUrl"/> with a trailing slash (a base address), or <see langword="null"/> when it is not an absolute URL.</summary>
    public static Uri? EnvironmentBase(string? environmentUrl) =>
        Uri.TryCreate(environmentUrl?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
}

/// <summary>The schemes whose registration turned API keys on (so that their services exist).</summary>
internal sealed class ApiKeySchemes
{
    public HashSet<string> Schemes { get; } = new(StringComparer.Ordinal);

    /// <summary>Registered once, with the API key services.</summary>
    internal sealed class Marker;
}
