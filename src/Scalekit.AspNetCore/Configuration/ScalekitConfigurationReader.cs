using Microsoft.Extensions.Configuration;

namespace Scalekit.AspNetCore;

/// <summary>
/// Reads <see cref="ScalekitApiAuthOptions"/> from the <c>Scalekit</c> section, then lets the
/// <c>SCALEKIT_ENVIRONMENT_URL</c> and <c>SCALEKIT_AUDIENCE</c> variables override it (they are how the examples are
/// pointed at another environment or the local emulator).
/// </summary>
internal static class ScalekitConfigurationReader
{
    private static readonly char[] AudienceSeparators = [',', ';', ' '];

    public static void Apply(IConfiguration configuration, ScalekitApiAuthOptions options)
    {
        var section = configuration.GetSection(ScalekitApiAuthDefaults.ConfigurationSection);
        section.Bind(options);
        AddAudiences(options, section["Audience"]);

        if (configuration[ScalekitApiAuthDefaults.EnvironmentUrlVariable] is { Length: > 0 } environmentUrl)
        {
            options.EnvironmentUrl = environmentUrl;
        }

        if (configuration[ScalekitApiAuthDefaults.AudienceVariable] is { Length: > 0 } audience)
        {
            options.Audiences.Clear();
            AddAudiences(options, audience);
        }
    }

    private static void AddAudiences(ScalekitApiAuthOptions options, string? value)
    {
        foreach (var audience in (value ?? string.Empty).Split(AudienceSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!options.Audiences.Contains(audience))
            {
                options.Audiences.Add(audience);
            }
        }
    }
}
