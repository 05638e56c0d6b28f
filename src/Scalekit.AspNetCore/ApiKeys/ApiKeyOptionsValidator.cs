using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore;

/// <summary>
/// Validates <see cref="ScalekitApiAuthOptions.ApiKeys"/> at start-up. The environment client's credentials are
/// validated beside it, by the <c>Scalekit.Client</c> package, on the <see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/> options.
/// </summary>
internal sealed class ApiKeyOptionsValidator(IOptions<ApiKeySchemes> registered) : IValidateOptions<ScalekitApiAuthOptions>
{
    private const string Section = ScalekitApiAuthDefaults.ConfigurationSection + ":ApiKeys";

    /// <summary>The longest <see cref="ScalekitApiKeyOptions.CacheDuration"/>: how long an invalidated key may keep working.</summary>
    internal static readonly TimeSpan MaxCacheDuration = TimeSpan.FromHours(1);

    public ValidateOptionsResult Validate(string? name, ScalekitApiAuthOptions options)
    {
        var keys = options.ApiKeys;
        if (!keys.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var scheme = string.IsNullOrEmpty(name) ? ScalekitApiAuthDefaults.AuthenticationScheme : name;
        var errors = new List<string>();
        if (!registered.Value.Schemes.Contains(scheme))
        {
            errors.Add($"Scalekit ({scheme}): API keys were turned on after registration. Set {Section}:Enabled to true in configuration, " +
                       "or in the options delegate of AddScalekitApiAuth(…), so that the services that validate keys are registered.");
        }

        if (keys.CacheDuration <= TimeSpan.Zero || keys.CacheDuration > MaxCacheDuration)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:CacheDuration must be greater than zero and at most {MaxCacheDuration} (it is {keys.CacheDuration}): " +
                       "an invalidated key keeps working for that long.");
        }

        if (keys.RefusalCacheDuration < TimeSpan.Zero || keys.RefusalCacheDuration > keys.CacheDuration)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:RefusalCacheDuration must be between 00:00:00 and {Section}:CacheDuration (it is {keys.RefusalCacheDuration}).");
        }

        if (keys.MaxEntries < 1)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:MaxEntries must be at least 1 (it is {keys.MaxEntries}).");
        }

        if (!(keys.ValidationsPerSecond > 0) || double.IsInfinity(keys.ValidationsPerSecond))
        {
            errors.Add($"Scalekit ({scheme}): {Section}:ValidationsPerSecond must be a number greater than zero (it is {keys.ValidationsPerSecond}).");
        }

        if (keys.ValidationBurst < 1)
        {
            errors.Add($"Scalekit ({scheme}): {Section}:ValidationBurst must be at least 1 (it is {keys.ValidationBurst}).");
        }

        if (keys.ValidationTimeout <= TimeSpan.Zero || keys.ValidationTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"Scalekit ({scheme}): {Section}:ValidationTimeout must be greater than zero and at most 00:01:00 (it is {keys.ValidationTimeout}): requests wait that long.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
