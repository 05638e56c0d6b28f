using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// Validates <see cref="ScalekitApiAuthOptions"/> at start-up. Every message names the configuration key and the
/// environment variable to set, so that the fix is in the message.
/// </summary>
internal sealed class ScalekitApiAuthOptionsValidator : IValidateOptions<ScalekitApiAuthOptions>
{
    private const string Section = ScalekitApiAuthDefaults.ConfigurationSection;

    /// <summary>The longest <see cref="ScalekitKeyCacheOptions.StartupWait"/> accepted.</summary>
    internal static readonly TimeSpan MaxStartupWait = TimeSpan.FromSeconds(30);

    public ValidateOptionsResult Validate(string? name, ScalekitApiAuthOptions options)
    {
        var errors = new List<string>();
        var scheme = string.IsNullOrEmpty(name) ? ScalekitApiAuthDefaults.AuthenticationScheme : name;

        if (string.IsNullOrWhiteSpace(options.EnvironmentUrl))
        {
            errors.Add($"Scalekit ({scheme}): the environment URL is missing. Set {Section}:EnvironmentUrl in appsettings.json " +
                       $"or the {ScalekitApiAuthDefaults.EnvironmentUrlVariable} environment variable, e.g. https://acme.scalekit.dev.");
        }
        else if (ScalekitEndpoints.TryAbsolute(options.EnvironmentUrl) is not { } environment)
        {
            errors.Add($"Scalekit ({scheme}): the environment URL '{options.EnvironmentUrl}' is not an absolute http(s) URL. " +
                       $"Set {Section}:EnvironmentUrl or {ScalekitApiAuthDefaults.EnvironmentUrlVariable} to a value such as https://acme.scalekit.dev.");
        }
        else if (environment.UserInfo.Length > 0)
        {
            errors.Add(UserInfoError(scheme, "EnvironmentUrl"));
        }

        if (!options.DisableAudienceValidation && !options.Audiences.Any(a => !string.IsNullOrWhiteSpace(a)))
        {
            errors.Add($"Scalekit ({scheme}): no audience is configured. Set {Section}:Audience (or the {Section}:Audiences array) " +
                       $"or the {ScalekitApiAuthDefaults.AudienceVariable} environment variable to the audience your API clients are registered with, " +
                       $"e.g. deployment-api.acmecorp.com. To accept any audience, set {Section}:DisableAudienceValidation to true.");
        }

        if (!string.IsNullOrWhiteSpace(options.JwksUri) && !string.IsNullOrWhiteSpace(options.DiscoveryUri))
        {
            errors.Add($"Scalekit ({scheme}): set either {Section}:JwksUri or {Section}:DiscoveryUri, not both.");
        }

        ValidateAddress(errors, scheme, "JwksUri", options.JwksUri, options.RequireHttpsMetadata);
        ValidateAddress(errors, scheme, "DiscoveryUri", options.DiscoveryUri, options.RequireHttpsMetadata);

        if (errors.Count == 0 && string.IsNullOrWhiteSpace(options.JwksUri) && string.IsNullOrWhiteSpace(options.DiscoveryUri))
        {
            var endpoints = ScalekitEndpoints.From(options);
            if (endpoints.JwksUri is { } jwks && !ScalekitEndpoints.IsAllowedMetadataAddress(jwks, options.RequireHttpsMetadata))
            {
                errors.Add($"Scalekit ({scheme}): the environment URL '{options.EnvironmentUrl}' uses plain http on a host that is not loopback, " +
                           $"so its keys could be tampered with in transit. Use https, or set {Section}:RequireHttpsMetadata to false (development only).");
            }
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            errors.Add($"Scalekit ({scheme}): {Section}:ClockSkew must be between 00:00:00 and 00:05:00 (it is {options.ClockSkew}).");
        }

        if (options.MaxTokenSize < 256)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:MaxTokenSize must be at least 256 characters (it is {options.MaxTokenSize}).");
        }

        ValidateKeys(errors, scheme, options.Keys);
        ValidateTokenCache(errors, scheme, options.TokenCache);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateAddress(List<string> errors, string scheme, string key, string? value, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var uri = ScalekitEndpoints.TryAbsolute(value);
        if (uri is null)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:{key} '{value}' is not an absolute http(s) URL.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            errors.Add(UserInfoError(scheme, key));
        }
        else if (!ScalekitEndpoints.IsAllowedMetadataAddress(uri, requireHttps))
        {
            errors.Add($"Scalekit ({scheme}): {Section}:{key} '{value}' uses plain http on a host that is not loopback. " +
                       $"Use https, or set {Section}:RequireHttpsMetadata to false (development only).");
        }
    }

    /// <summary>Says what is wrong without quoting the value: the user info may be a password.</summary>
    private static string UserInfoError(string scheme, string key) =>
        $"Scalekit ({scheme}): {Section}:{key} carries user info (user:password@): HttpClient does not send it, and it would " +
        "show in logs and traces. Remove it from the URL.";

    private static void ValidateTokenCache(List<string> errors, string scheme, ScalekitTokenCacheOptions cache)
    {
        if (!cache.Enabled)
        {
            return;
        }

        if (cache.MaxEntries < 1)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:TokenCache:MaxEntries must be at least 1 (it is {cache.MaxEntries}); " +
                       $"to turn the cache off, set {Section}:TokenCache:Enabled to false.");
        }

        if (cache.MaxAge <= TimeSpan.Zero)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:TokenCache:MaxAge must be greater than zero (it is {cache.MaxAge}).");
        }
    }

    private static void ValidateKeys(List<string> errors, string scheme, ScalekitKeyCacheOptions keys)
    {
        void Positive(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"Scalekit ({scheme}): {Section}:Keys:{key} must be greater than zero (it is {value}).");
            }
        }

        Positive(nameof(keys.RefreshInterval), keys.RefreshInterval);
        Positive(nameof(keys.UnknownKeyCooldown), keys.UnknownKeyCooldown);
        Positive(nameof(keys.FetchTimeout), keys.FetchTimeout);
        Positive(nameof(keys.MinRetryDelay), keys.MinRetryDelay);
        Positive(nameof(keys.MaxRetryDelay), keys.MaxRetryDelay);

        if (keys.MinRetryDelay > keys.MaxRetryDelay)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:Keys:MinRetryDelay ({keys.MinRetryDelay}) must not exceed {Section}:Keys:MaxRetryDelay ({keys.MaxRetryDelay}).");
        }

        void AtMost(string key, TimeSpan value, TimeSpan limit, string why)
        {
            if (value > limit)
            {
                errors.Add($"Scalekit ({scheme}): {Section}:Keys:{key} must be at most {limit} (it is {value}): {why}.");
            }
        }

        AtMost(nameof(keys.UnknownKeyCooldown), keys.UnknownKeyCooldown, TimeSpan.FromMinutes(5), "a request with an unknown kid may wait that long");
        AtMost(nameof(keys.FetchTimeout), keys.FetchTimeout, TimeSpan.FromMinutes(5), "requests may wait for a fetch that long");

        if (keys.MaxUnknownKeyWaiters < 0)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:Keys:MaxUnknownKeyWaiters must not be negative (it is {keys.MaxUnknownKeyWaiters}); 0 refuses unknown key ids at once during the cooldown.");
        }

        if (keys.StartupWait < TimeSpan.Zero || keys.StartupWait > MaxStartupWait)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:Keys:StartupWait must be between 00:00:00 and {MaxStartupWait} (it is {keys.StartupWait}); 0 does not delay the start.");
        }

        if (keys.MaxResponseSize < 1024)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:Keys:MaxResponseSize must be at least 1024 bytes (it is {keys.MaxResponseSize}).");
        }
    }
}
