using System.Reflection;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Adds the local Scalekit emulator to an Aspire AppHost and chooses how it runs and where it keeps its data.</summary>
public static class ScalekitEmulatorBuilderExtensions
{
    /// <summary>The folder, under the AppHost's directory, of the default database files.</summary>
    private const string DataFolder = ".scalekit";

    /// <summary>
    /// Adds the Scalekit emulator: the <c>scalekit-emulator</c> .NET tool (on the <c>PATH</c>, from
    /// <c>dotnet tool install --global Scalekit.Emulator</c>; <c>WithProject</c> runs the project instead), serving one http
    /// endpoint on <c>127.0.0.1</c> behind a port Aspire allocates (or <paramref name="port"/>), with its environment
    /// URL set to that endpoint's URL, a health check on its discovery document, and its database in
    /// <c>.scalekit/{name}.db</c> under the AppHost's directory.
    /// </summary>
    /// <param name="builder">The AppHost's builder.</param>
    /// <param name="name">The name of the resource.</param>
    /// <param name="environmentClientId">The environment client's id; the emulator's <c>skc_emulator</c> when <see langword="null"/>.</param>
    /// <param name="environmentClientSecret">The environment client's secret; the emulator's <c>emulator-secret</c> when <see langword="null"/>.</param>
    /// <param name="port">The port services call; Aspire allocates one when <see langword="null"/>.</param>
    /// <returns>A reference to the emulator's <see cref="IResourceBuilder{T}"/>.</returns>
    /// <example>
    /// <code>
    /// var scalekit = builder.AddScalekitEmulator("scalekit");
    /// builder.AddProject&lt;Projects.MinimalApi&gt;("api").WithReference(scalekit).WaitFor(scalekit);
    /// </code>
    /// </example>
    public static IResourceBuilder<ScalekitEmulatorResource> AddScalekitEmulator(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? environmentClientId = null,
        IResourceBuilder<ParameterResource>? environmentClientSecret = null,
        int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var database = Path.Combine(builder.AppHostDirectory, DataFolder, name + ".db");
        var resource = new ScalekitEmulatorResource(name, builder.AppHostDirectory, database, environmentClientId?.Resource, environmentClientSecret?.Resource);
        var configuration = builder.AppHostAssembly?.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;

        return builder.AddResource(resource)
            .WithHttpEndpoint(port: port, name: ScalekitEmulatorResource.HttpEndpointName)
            .WithArgs(context => ScalekitEmulatorArguments.Add(resource, configuration, context.Args))
            .WithEnvironment(ScalekitEnvironmentVariables.ClientId, resource.EnvironmentClientId)
            .WithEnvironment(ScalekitEnvironmentVariables.ClientSecret, resource.EnvironmentClientSecret)
            .WithHttpHealthCheck(ScalekitEmulatorResource.HealthCheckPath, endpointName: ScalekitEmulatorResource.HttpEndpointName)
            .OnBeforeResourceStarted((emulator, _, _) =>
            {
                ScalekitEmulatorArguments.CreateDatabaseFolder(emulator);
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// Keeps the emulator's data in <paramref name="path"/>: a SQLite file, relative to the AppHost's directory or
    /// absolute, kept across restarts; or <c>:memory:</c> (<see cref="ScalekitEmulatorResource.InMemoryDatabase"/>)
    /// to start empty every time.
    /// </summary>
    /// <param name="builder">The emulator's builder.</param>
    /// <param name="path">The database file, or <c>:memory:</c>.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IResourceBuilder<ScalekitEmulatorResource> WithDatabase(this IResourceBuilder<ScalekitEmulatorResource> builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        builder.Resource.DatabasePath = path == ScalekitEmulatorResource.InMemoryDatabase
            ? path
            : Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, path));
        return builder;
    }

    /// <summary>
    /// Runs the emulator from the AppHost's project reference <typeparamref name="TProject"/> (such as
    /// <c>Projects.Scalekit_Emulator</c>) with <c>dotnet run</c>, as Aspire runs projects: the AppHost's build
    /// configuration, no launch profile, no second build.
    /// </summary>
    /// <typeparam name="TProject">The generated metadata of the emulator project.</typeparam>
    /// <param name="builder">The emulator's builder.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IResourceBuilder<ScalekitEmulatorResource> WithProject<TProject>(this IResourceBuilder<ScalekitEmulatorResource> builder)
        where TProject : IProjectMetadata, new()
    {
        var project = new TProject();
        return WithProjectPath(builder, project.ProjectPath, project.SuppressBuild);
    }

    /// <summary>
    /// Runs the emulator from its project file or folder with <c>dotnet run</c> (which builds it first) instead of the
    /// <c>scalekit-emulator</c> tool.
    /// </summary>
    /// <param name="builder">The emulator's builder.</param>
    /// <param name="projectPath">The emulator's <c>.csproj</c> or folder, relative to the AppHost's directory or absolute.</param>
    /// <returns>A reference to <paramref name="builder"/> after the operation has completed.</returns>
    public static IResourceBuilder<ScalekitEmulatorResource> WithProjectPath(this IResourceBuilder<ScalekitEmulatorResource> builder, string projectPath) =>
        WithProjectPath(builder, projectPath, suppressBuild: false);

    private static IResourceBuilder<ScalekitEmulatorResource> WithProjectPath(IResourceBuilder<ScalekitEmulatorResource> builder, string projectPath, bool suppressBuild)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);

        builder.Resource.ProjectPath = Path.GetFullPath(Path.Combine(builder.ApplicationBuilder.AppHostDirectory, projectPath));
        builder.Resource.SuppressProjectBuild = suppressBuild;
        return builder.WithCommand("dotnet");
    }
}
