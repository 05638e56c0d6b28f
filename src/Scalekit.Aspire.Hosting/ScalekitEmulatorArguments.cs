using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The emulator's command line, the same for the tool and for <c>dotnet run</c> (after its <c>--</c>).</summary>
internal static class ScalekitEmulatorArguments
{
    public static void Add(ScalekitEmulatorResource resource, string? configuration, IList<object> args)
    {
        if (resource.ProjectPath is { } project)
        {
            args.Add("run");
            args.Add("--project");
            args.Add(project);
            if (!string.IsNullOrEmpty(configuration))
            {
                args.Add("--configuration");
                args.Add(configuration);
            }

            if (resource.SuppressProjectBuild)
            {
                args.Add("--no-build");
            }

            args.Add("--no-launch-profile");
            args.Add("--");
        }

        // Kestrel listens on loopback at the port Aspire's proxy forwards to; the issuer is the address services call.
        args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{resource.HttpEndpoint.Property(EndpointProperty.TargetPort)}"));
        args.Add(ReferenceExpression.Create($"--Emulator:EnvironmentUrl={resource.EnvironmentUrl}"));
        args.Add($"--Emulator:Database={resource.DatabasePath}");
    }

    /// <summary>SQLite creates the file but not its folder.</summary>
    public static void CreateDatabaseFolder(ScalekitEmulatorResource resource)
    {
        if (resource.DatabasePath != ScalekitEmulatorResource.InMemoryDatabase && Path.GetDirectoryName(resource.DatabasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
