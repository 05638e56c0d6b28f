using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Scalekit.Client.Internal;

/// <summary>
/// Validates <see cref="ScalekitClientCredentialsOptions"/> of every HttpClient that carries Scalekit credentials, at
/// start-up. Each message names the configuration key (and environment variable) to set.
/// </summary>
internal sealed class ScalekitClientCredentialsOptionsValidator(
    IOptions<ScalekitClientRegistrations> registrations,
    IOptionsMonitor<HttpClientFactoryOptions> httpClientOptions,
    IServiceProviderIsService services) : IValidateOptions<ScalekitClientCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, ScalekitClientCredentialsOptions options)
    {
        if (name is null || !registrations.Value.SectionByName.TryGetValue(name, out var section))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        var prefix = $"Scalekit client credentials ({name}):";
        var envVars = ClientConfigurationReader.ReadsEnvironmentVariables(section);
        string Where(string key, string variable) =>
            envVars ? $"Set {section}:{key} in appsettings.json or the {variable} environment variable" : $"Set {section}:{key}";

        ValidateAddress(errors, prefix, options.EnvironmentUrl, options.RequireHttps, required: true,
            missing: $"{prefix} the environment URL is missing. {Where("EnvironmentUrl", ScalekitClientDefaults.EnvironmentUrlVariable)}, e.g. https://acme.scalekit.dev.",
            key: $"{section}:EnvironmentUrl");
        ValidateAddress(errors, prefix, options.TokenEndpoint, options.RequireHttps, required: false, missing: "", key: $"{section}:TokenEndpoint");

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            errors.Add($"{prefix} the client id is missing. {Where("ClientId", ScalekitClientDefaults.ClientIdVariable)} (an id such as m2morg_68315758685323697).");
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            errors.Add($"{prefix} the client secret is missing. {Where("ClientSecret", ScalekitClientDefaults.ClientSecretVariable)}; " +
                       "keep it in a secret store or user-secrets, not in appsettings.json.");
        }

        if (options.RefreshBeforeExpiry < TimeSpan.Zero)
        {
            errors.Add($"{prefix} {section}:RefreshBeforeExpiry must not be negative (it is {options.RefreshBeforeExpiry}).");
        }

        if (options.MaxBufferedRequestSize < 0)
        {
            errors.Add($"{prefix} {section}:MaxBufferedRequestSize must not be negative (it is {options.MaxBufferedRequestSize}).");
        }

        ValidatePin(errors, prefix, name, section, options);
        ValidateTokenRequest(errors, prefix, section, options.TokenRequest);

        if (options.UseSharedTokenCache && !services.IsService(typeof(HybridCache)))
        {
            errors.Add($"{prefix} {section}:UseSharedTokenCache is true but no HybridCache is registered. Call services.AddHybridCache() " +
                       "(and services.AddStackExchangeRedisCache(…) to share tokens between instances through Redis).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateAddress(List<string> errors, string prefix, string? value, bool requireHttps, bool required, string missing, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(missing);
            }

            return;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{prefix} {key} '{value}' is not an absolute http(s) URL; use a value such as https://acme.scalekit.dev.");
        }
        else if (!HostPin.IsSecureEnough(uri, requireHttps))
        {
            errors.Add($"{prefix} {key} '{value}' uses plain http on a host that is not loopback, so the secret and tokens would travel in clear. " +
                       "Use https, or set RequireHttps to false (development only).");
        }
    }

    private void ValidatePin(List<string> errors, string prefix, string name, string section, ScalekitClientCredentialsOptions options)
    {
        // The management client is pinned to the environment URL (added to AllowedHosts); its BaseAddress comes from these very options.
        var baseAddress = name == ScalekitClientDefaults.ManagementHttpClientName ? null : HttpClientBaseAddress.Find(httpClientOptions, name);
        var pin = HostPin.Create(baseAddress, options.AllowedHosts, options.RequireHttps);
        foreach (var entry in pin.Invalid)
        {
            errors.Add($"{prefix} {section}:AllowedHosts entry '{entry}' is neither an absolute http(s) URL nor a host name (api.acme.com or api.acme.com:8443).");
        }

        if (baseAddress is not null && !HostPin.IsSecureEnough(baseAddress, options.RequireHttps))
        {
            errors.Add($"{prefix} the HttpClient's BaseAddress {baseAddress} uses plain http on a host that is not loopback, so tokens would travel in clear. " +
                       "Use https, or set RequireHttps to false (development only).");
        }
        else if (pin.IsEmpty && pin.Invalid.Count == 0)
        {
            errors.Add($"{prefix} no host is allowed to receive the token. Set the HttpClient's BaseAddress in AddHttpClient(\"{name}\", c => c.BaseAddress = new Uri(\"https://api.example.com\")), " +
                       $"or list the API's host in {section}:AllowedHosts.");
        }
    }

    private static void ValidateTokenRequest(List<string> errors, string prefix, string section, ScalekitTokenRequestOptions request)
    {
        var key = $"{section}:TokenRequest";
        if (request.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{prefix} {key}:MaxRetryAttempts must be between 0 and 10 (it is {request.MaxRetryAttempts}).");
        }

        if (request.RetryDelay <= TimeSpan.Zero || request.MaxRetryDelay < request.RetryDelay)
        {
            errors.Add($"{prefix} {key}:RetryDelay must be greater than zero and at most {key}:MaxRetryDelay (they are {request.RetryDelay} and {request.MaxRetryDelay}).");
        }

        var minimum = TimeSpan.FromMilliseconds(10);
        if (request.AttemptTimeout < minimum || request.TotalTimeout < request.AttemptTimeout || request.TotalTimeout > TimeSpan.FromHours(1))
        {
            errors.Add($"{prefix} {key}:AttemptTimeout must be at least 10 ms and at most {key}:TotalTimeout, which must be at most one hour " +
                       $"(they are {request.AttemptTimeout} and {request.TotalTimeout}).");
        }
    }
}
