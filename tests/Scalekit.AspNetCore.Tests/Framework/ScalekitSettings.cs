using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// In-memory configuration for <c>builder.AddScalekitApiAuth()</c>, and the two ways a configuration test ends:
/// the options the application started with, or the validation error that stopped it.
/// </summary>
public static class ScalekitSettings
{
    public const string EnvironmentUrl = "https://acme.scalekit.dev";

    /// <summary>A complete, valid configuration, changed by <paramref name="changes"/> (a <see langword="null"/> value removes the key).</summary>
    public static Dictionary<string, string?> Valid(params (string Key, string? Value)[] changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scalekit:EnvironmentUrl"] = EnvironmentUrl,
            ["Scalekit:Audience"] = TestTokens.Audience,
        };
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    /// <summary>Starts an application configured from <paramref name="settings"/> and returns its Scalekit options.</summary>
    public static async Task<ScalekitApiAuthOptions> StartAsync(IDictionary<string, string?> settings, Action<ScalekitApiAuthOptions>? configure = null)
    {
        await using var app = await StartAppAsync(settings, configure);
        return app.Services.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>().Get(ScalekitApiAuthDefaults.AuthenticationScheme);
    }

    /// <summary>Starts an application that calls <c>builder.AddScalekitApiAuth(configure)</c> on <paramref name="settings"/>. Dispose it.</summary>
    public static Task<WebApplication> StartAppAsync(IDictionary<string, string?> settings, Action<ScalekitApiAuthOptions>? configure = null)
    {
        var builder = TestApp.CreateBuilder(settings);
        builder.AddScalekitApiAuth(configure);
        return builder.StartAsync();
    }

    /// <summary>Starts an application configured from <paramref name="settings"/>, expecting the Scalekit options to be refused.</summary>
    public static async Task<OptionsValidationException> StartupFailureAsync(IDictionary<string, string?> settings)
    {
        try
        {
            await StartAsync(settings);
        }
        catch (Exception thrown)
        {
            // Every options instance validated on start reports on its own (an AggregateException); the JwtBearer options
            // of the scheme read the Scalekit options, so the same error comes twice. Any of them will do.
            var errors = Flatten(thrown).OfType<OptionsValidationException>().Where(e => e.OptionsType == typeof(ScalekitApiAuthOptions)).ToList();
            errors.Should().NotBeEmpty("start-up must fail on the Scalekit options, not with {0}", thrown);
            return errors[0];
        }

        throw new Xunit.Sdk.XunitException("The application started, but its Scalekit configuration should have been refused.");
    }

    private static IEnumerable<Exception> Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Flatten)
            : [exception];
}
