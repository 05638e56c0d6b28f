using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the readiness of the Scalekit signing keys to ASP.NET Core health checks.</summary>
public static class ScalekitHealthChecksBuilderExtensions
{
    /// <summary>The name given to the checks unless another is passed: one check per scheme, <c>scalekit:{scheme}</c>.</summary>
    public const string DefaultName = "scalekit";

    /// <summary>
    /// Adds one health check per Scalekit scheme registered with <c>AddScalekitApiAuth</c>, named
    /// <c><paramref name="name"/>:{scheme}</c>: <see cref="HealthStatus.Unhealthy"/> (or <paramref name="failureStatus"/>)
    /// while no signing key was ever fetched, <see cref="HealthStatus.Degraded"/> while the last good keys serve after
    /// failed refreshes, <see cref="HealthStatus.Healthy"/> otherwise. The result data (keys in
    /// <see cref="ScalekitHealthCheckData"/>) holds the key count, the time and age of the last fetch and the class of the
    /// last error, never a token or a secret. Map it as a readiness probe: it fails until the keys are fetched.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.AddScalekitApiAuth();
    /// builder.Services.AddHealthChecks().AddScalekit(tags: ["ready"]);
    /// // …
    /// app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
    /// </code>
    /// </example>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The prefix of the checks' names; <see cref="DefaultName"/> by default.</param>
    /// <param name="failureStatus">The status while no key was ever fetched; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">Tags of the checks, to select them in <c>MapHealthChecks</c>.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IHealthChecksBuilder AddScalekit(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var tagList = tags?.ToArray() ?? [];

        // The schemes are known once every AddScalekitApiAuth has run, which may be after this call.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IOptions<ScalekitSchemeOptions>>((options, schemes) =>
        {
            if (schemes.Value.Schemes.Count == 0)
            {
                options.Registrations.Add(new HealthCheckRegistration(name, _ => new NoSchemeHealthCheck(), failureStatus, tagList));
            }

            foreach (var scheme in schemes.Value.Schemes.Distinct(StringComparer.Ordinal))
            {
                options.Registrations.Add(new HealthCheckRegistration(
                    $"{name}:{scheme}",
                    sp => new ScalekitSigningKeysHealthCheck(
                        sp.GetRequiredService<ScalekitCacheRegistry>(),
                        sp.GetRequiredService<TimeProvider>(),
                        scheme),
                    failureStatus,
                    tagList));
            }
        });
        return builder;
    }

    /// <summary>Reports the failure status: a readiness probe must not pass when no Scalekit scheme was registered.</summary>
    private sealed class NoSchemeHealthCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(new HealthCheckResult(
                context.Registration.FailureStatus,
                "No Scalekit scheme is registered: call builder.AddScalekitApiAuth() (or services.AddScalekitApiAuth(…)) before the health checks run."));
    }
}
