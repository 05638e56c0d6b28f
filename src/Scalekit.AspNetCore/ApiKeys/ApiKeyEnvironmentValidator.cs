using Microsoft.Extensions.Options;
using Scalekit.Client;

namespace Scalekit.AspNetCore;

/// <summary>
/// Stops start-up when a scheme with API keys on trusts another environment than the one keys are validated at (the
/// environment client's, <see cref="ScalekitApiAuthDefaults.ApiKeysHttpClientName"/>): that scheme would accept the
/// keys of the other environment. URLs are compared by scheme, host, port and path, without a trailing slash.
/// </summary>
internal sealed class ApiKeyEnvironmentValidator(IOptions<ApiKeySchemes> schemes, IOptionsMonitor<ScalekitApiAuthOptions> auth)
    : IValidateOptions<ScalekitClientCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, ScalekitClientCredentialsOptions options)
    {
        if (name != ScalekitApiAuthDefaults.ApiKeysHttpClientName || ApiKeyServices.EnvironmentBase(options) is not { } credentials)
        {
            // A missing or invalid environment URL is the Scalekit.Client package's validation to report.
            return ValidateOptionsResult.Skip;
        }

        var errors = new List<string>();
        foreach (var scheme in schemes.Value.Schemes.Order(StringComparer.Ordinal))
        {
            var trusted = auth.Get(scheme);
            if (trusted.ApiKeys.Enabled && ApiKeyServices.EnvironmentBase(trusted.EnvironmentUrl) is { } environment && !Same(environment, credentials))
            {
                errors.Add($"Scalekit ({scheme}): API keys are validated at the environment of the environment client's credentials, " +
                           $"{Display(credentials)}, but this scheme trusts {Display(environment)}: it would accept the keys of the other environment. " +
                           $"Turn API keys off for this scheme ({ScalekitApiAuthDefaults.ConfigurationSection}:ApiKeys:Enabled false, or ApiKeys.Enabled = false in its options), " +
                           $"or make {ScalekitClientDefaults.ManagementConfigurationSection}:EnvironmentUrl and the scheme's EnvironmentUrl name the same environment.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool Same(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port
        && string.Equals(a.AbsolutePath, b.AbsolutePath, StringComparison.Ordinal);

    private static string Display(Uri environment) => environment.AbsoluteUri.TrimEnd('/');
}
