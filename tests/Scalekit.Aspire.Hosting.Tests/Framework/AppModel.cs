using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scalekit.Aspire.Hosting.Tests.Framework;

/// <summary>
/// An AppHost's application model without the orchestrator: a builder with a known AppHost directory, endpoints
/// "allocated" by hand, and the environment and arguments evaluated as Aspire evaluates them before a start.
/// </summary>
internal static class AppModel
{
    /// <summary>The proxy port services call, as Aspire would allocate it.</summary>
    public const int Port = 53111;

    /// <summary>The port the emulator's Kestrel listens on behind the proxy.</summary>
    public const int TargetPort = 53112;

    /// <summary>What <see cref="Allocate"/> makes the emulator's environment URL.</summary>
    public const string EnvironmentUrl = "http://localhost:53111";

    /// <summary>A builder whose AppHost directory is <paramref name="appHostDirectory"/> (a fresh temporary one by default).</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string? appHostDirectory = null) =>
        DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            ProjectDirectory = appHostDirectory ?? Path.Combine(Path.GetTempPath(), "scalekit-aspire-tests", Guid.NewGuid().ToString("N")),
            DisableDashboard = true,
            AssemblyName = typeof(AppModel).Assembly.GetName().Name,
        });

    /// <summary>Gives the resource's endpoint the addresses DCP would: <c>localhost:port</c>, forwarded to <c>targetPort</c>.</summary>
    public static void Allocate(IResourceWithEndpoints resource, int port = Port, int targetPort = TargetPort, string endpointName = "http")
    {
        var endpoint = resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpointName);
        endpoint.TargetPort = targetPort;
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port);
    }

    /// <summary>The resource's environment as Aspire resolves it for a run (its environment callbacks evaluated).</summary>
    public static async Task<Dictionary<string, string>> EnvironmentOf(IResourceWithEnvironment resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance);
        return configuration.EnvironmentVariables.ToDictionary();
    }

    /// <summary>The resource's command-line arguments as Aspire resolves them for a run.</summary>
    public static async Task<string[]> ArgumentsOf(IResourceWithArgs resource)
    {
        var configuration = await ExecutionConfigurationBuilder.Create(resource).WithArgumentsConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance);
        return configuration.Arguments.Select(a => a.Value).ToArray();
    }

    /// <summary>The value of <c>--name=value</c> among <paramref name="arguments"/>.</summary>
    public static string? Option(IEnumerable<string> arguments, string name) =>
        arguments.Where(a => a.StartsWith(name + "=", StringComparison.Ordinal)).Select(a => a[(name.Length + 1)..]).SingleOrDefault();
}
