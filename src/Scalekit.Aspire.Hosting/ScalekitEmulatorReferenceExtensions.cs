using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Points a service at the Scalekit emulator: the environment URL, and the environment client for management.</summary>
public static class ScalekitEmulatorReferenceExtensions
{
    /// <summary>
    /// Gives the service <c>SCALEKIT_ENVIRONMENT_URL</c>, the emulator's environment URL (exactly the <c>iss</c> of its
    /// tokens), which an API protected with <c>AddScalekitApiAuth()</c> and a caller with
    /// <c>AddScalekitClientCredentials()</c> read. It does not wait for the emulator: add <c>.WaitFor(scalekit)</c>.
    /// </summary>
    /// <typeparam name="TDestination">The service's resource type.</typeparam>
    /// <param name="builder">The service's builder.</param>
    /// <param name="scalekit">The emulator.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IResourceBuilder<TDestination> WithReference<TDestination>(this IResourceBuilder<TDestination> builder, IResourceBuilder<ScalekitEmulatorResource> scalekit)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scalekit);

        // The URL's expression names the emulator's endpoint, so Aspire records the reference relationship itself.
        return builder.WithEnvironment(ScalekitEnvironmentVariables.EnvironmentUrl, scalekit.Resource.EnvironmentUrl);
    }

    /// <summary>
    /// Gives a service that manages API clients (<c>AddScalekitManagementClient()</c>) the environment URL and the
    /// environment client: <c>SCALEKIT_ENVIRONMENT_URL</c>, <c>SCALEKIT_CLIENT_ID</c> and <c>SCALEKIT_CLIENT_SECRET</c>.
    /// A service that also calls APIs as an API client, and so needs <c>SCALEKIT_CLIENT_ID</c> for that client, passes
    /// <paramref name="configurationSection"/> (<c>Scalekit:Management</c>) to get <c>{section}:ClientId</c> and
    /// <c>{section}:ClientSecret</c> instead.
    /// </summary>
    /// <typeparam name="TDestination">The service's resource type.</typeparam>
    /// <param name="builder">The service's builder.</param>
    /// <param name="scalekit">The emulator.</param>
    /// <param name="configurationSection">
    /// <see langword="null"/> for the <c>SCALEKIT_CLIENT_*</c> variables, or a configuration section such as
    /// <c>Scalekit:Management</c> whose <c>ClientId</c> and <c>ClientSecret</c> are set (as <c>Scalekit__Management__ClientId</c>…).
    /// </param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IResourceBuilder<TDestination> WithScalekitManagement<TDestination>(
        this IResourceBuilder<TDestination> builder,
        IResourceBuilder<ScalekitEmulatorResource> scalekit,
        string? configurationSection = null)
        where TDestination : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(scalekit);
        if (configurationSection is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(configurationSection);
        }

        var (clientId, clientSecret) = configurationSection is null
            ? (ScalekitEnvironmentVariables.ClientId, ScalekitEnvironmentVariables.ClientSecret)
            : (VariableFor(configurationSection, "ClientId"), VariableFor(configurationSection, "ClientSecret"));

        return builder
            .WithReference(scalekit)
            .WithEnvironment(clientId, scalekit.Resource.EnvironmentClientId)
            .WithEnvironment(clientSecret, scalekit.Resource.EnvironmentClientSecret);
    }

    /// <summary><c>Scalekit:Management</c> and <c>ClientId</c> → <c>Scalekit__Management__ClientId</c>.</summary>
    private static string VariableFor(string section, string key) =>
        section.Trim().Trim(':').Replace(":", "__", StringComparison.Ordinal) + "__" + key;
}
