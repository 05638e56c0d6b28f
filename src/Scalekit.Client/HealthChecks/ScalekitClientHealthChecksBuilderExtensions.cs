using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Scalekit.Client;
using Scalekit.Client.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the token endpoint of a Scalekit API client to health checks (optional: nothing is added unless asked).</summary>
public static class ScalekitClientHealthChecksBuilderExtensions
{
    /// <summary>The prefix of the check's name unless another name is passed: <c>scalekit-token:{clientName}</c>.</summary>
    public const string DefaultNamePrefix = "scalekit-token";

    /// <summary>
    /// Adds a check of whether the HttpClient <paramref name="clientName"/> (registered with
    /// <c>AddScalekitClientCredentials()</c>) can get a token. It asks the same token cache as the client's handler, so a
    /// probe costs a token request only when the handler would make one. <see cref="HealthStatus.Healthy"/> with a token;
    /// <see cref="HealthStatus.Degraded"/> when a new token could not be obtained but the cached one has not expired;
    /// <paramref name="failureStatus"/> (<see cref="HealthStatus.Unhealthy"/> by default) when no token is held, such as
    /// for wrong credentials (<c>invalid_client</c>) or an unreachable endpoint. The data (keys in
    /// <see cref="ScalekitTokenEndpointHealthCheckData"/>) never holds the token or the secret.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddHttpClient("deployments").AddScalekitClientCredentials();
    /// builder.Services.AddHealthChecks().AddScalekitTokenEndpoint("deployments", tags: ["ready"]);
    /// </code>
    /// </example>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="clientName">The HttpClient the credentials were added to (for a typed client, its type name).</param>
    /// <param name="name">The check's name; <c>scalekit-token:{clientName}</c> by default.</param>
    /// <param name="failureStatus">The status while no token is held; <see cref="HealthStatus.Unhealthy"/> by default.</param>
    /// <param name="tags">Tags of the check, to select it in <c>MapHealthChecks</c>.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IHealthChecksBuilder AddScalekitTokenEndpoint(
        this IHealthChecksBuilder builder,
        string clientName,
        string? name = null,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(clientName);
        return builder.Add(new HealthCheckRegistration(
            name ?? $"{DefaultNamePrefix}:{clientName}",
            sp => new ScalekitTokenEndpointHealthCheck(
                sp.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>(),
                sp.GetRequiredService<IOptions<ScalekitClientRegistrations>>(),
                sp.GetRequiredService<TokenCache>(),
                sp.GetRequiredService<TimeProvider>(),
                clientName),
            failureStatus,
            tags));
    }
}
