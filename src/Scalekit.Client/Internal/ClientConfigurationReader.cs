using Microsoft.Extensions.Configuration;

namespace Scalekit.Client.Internal;

/// <summary>
/// Reads <see cref="ScalekitClientCredentialsOptions"/> from a configuration section. For the two default sections
/// (<c>Scalekit:Client</c>, <c>Scalekit:Management</c>) the environment URL falls back to <c>Scalekit:EnvironmentUrl</c>,
/// and <c>SCALEKIT_ENVIRONMENT_URL</c> / <c>SCALEKIT_CLIENT_ID</c> / <c>SCALEKIT_CLIENT_SECRET</c> win when set, as in
/// Scalekit's guides.
/// </summary>
internal static class ClientConfigurationReader
{
    public static bool ReadsEnvironmentVariables(string section) =>
        section is ScalekitClientDefaults.ConfigurationSection or ScalekitClientDefaults.ManagementConfigurationSection;

    public static void Apply(IConfiguration configuration, string sectionPath, ScalekitClientCredentialsOptions options)
    {
        var section = configuration.GetSection(sectionPath);
        section.Bind(options);
        foreach (var scope in TokenRegistration.NormalizeScopes([section["Scope"] ?? string.Empty]).Where(s => !options.Scopes.Contains(s)))
        {
            options.Scopes.Add(scope);
        }

        if (!ReadsEnvironmentVariables(sectionPath))
        {
            return;
        }

        options.EnvironmentUrl = Variable(configuration, ScalekitClientDefaults.EnvironmentUrlVariable)
                                 ?? options.EnvironmentUrl
                                 ?? NonEmpty(configuration[ScalekitClientDefaults.SharedEnvironmentUrlKey]);
        options.ClientId = Variable(configuration, ScalekitClientDefaults.ClientIdVariable) ?? options.ClientId;
        options.ClientSecret = Variable(configuration, ScalekitClientDefaults.ClientSecretVariable) ?? options.ClientSecret;
    }

    private static string? Variable(IConfiguration configuration, string name) => NonEmpty(configuration[name]);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
