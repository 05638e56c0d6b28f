using System.Reflection;
using Aspire.Hosting;
using Scalekit.Aspire.Hosting.Tests.Framework;

namespace Scalekit.Aspire.Hosting.Tests.Resource;

/// <summary>Running the emulator from its project (<c>WithProject</c>, <c>WithProjectPath</c>) instead of the tool.</summary>
public sealed class ScalekitEmulatorProjectTests
{
    private static readonly string Configuration =
        typeof(ScalekitEmulatorProjectTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    [Fact]
    public async Task WithProject_runs_the_AppHosts_build_of_the_project_with_dotnet_run_and_the_emulators_arguments_after_the_separator()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder().AddScalekitEmulator("scalekit").WithProject<Projects.Scalekit_Emulator>();
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        scalekit.Resource.Command.Should().Be("dotnet");
        arguments.TakeWhile(a => a != "--").Should().Equal(
            "run", "--project", new Projects.Scalekit_Emulator().ProjectPath, "--configuration", Configuration, "--no-build", "--no-launch-profile");
        arguments.SkipWhile(a => a != "--").Skip(1).Should().Contain(a => a.StartsWith("--urls=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithProjectPath_resolves_the_path_against_the_AppHost_directory_and_lets_dotnet_run_build_it()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        var scalekit = builder.AddScalekitEmulator("scalekit").WithProjectPath("../src/Scalekit.Emulator");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        arguments.Should().ContainInOrder("run", "--project", Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "../src/Scalekit.Emulator")))
            .And.NotContain("--no-build");
    }
}
