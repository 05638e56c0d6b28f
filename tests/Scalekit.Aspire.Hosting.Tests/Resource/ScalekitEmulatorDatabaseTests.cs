using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Scalekit.Aspire.Hosting.Tests.Framework;

namespace Scalekit.Aspire.Hosting.Tests.Resource;

/// <summary>Where the emulator keeps its data: <c>--Emulator:Database</c>, by default and with <c>WithDatabase</c>.</summary>
public sealed class ScalekitEmulatorDatabaseTests : IDisposable
{
    private readonly string _appHostDirectory = Path.Combine(Path.GetTempPath(), "scalekit-aspire-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_appHostDirectory))
        {
            Directory.Delete(_appHostDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_database_is_a_file_named_after_the_resource_under_the_AppHost_directory_by_default()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder(_appHostDirectory).AddScalekitEmulator("scalekit");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        AppModel.Option(arguments, "--Emulator:Database").Should().Be(Path.Combine(_appHostDirectory, ".scalekit", "scalekit.db"));
    }

    [Fact]
    public async Task WithDatabase_takes_a_path_relative_to_the_AppHost_directory()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder(_appHostDirectory).AddScalekitEmulator("scalekit").WithDatabase("data/scalekit.sqlite");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        AppModel.Option(arguments, "--Emulator:Database").Should().Be(Path.Combine(_appHostDirectory, "data", "scalekit.sqlite"));
    }

    [Fact]
    public async Task WithDatabase_memory_gives_the_emulator_an_in_memory_database()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder(_appHostDirectory).AddScalekitEmulator("scalekit").WithDatabase(":memory:");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        AppModel.Option(arguments, "--Emulator:Database").Should().Be(":memory:");
    }

    [Fact]
    public async Task The_database_folder_is_created_before_the_emulator_starts()
    {
        // Arrange
        var builder = AppModel.CreateBuilder(_appHostDirectory);
        var scalekit = builder.AddScalekitEmulator("scalekit");
        AppModel.Allocate(scalekit.Resource);
        await using var app = builder.Build();

        // Act
        await app.Services.GetRequiredService<IDistributedApplicationEventing>()
            .PublishAsync(new BeforeResourceStartedEvent(scalekit.Resource, app.Services));

        // Assert
        Directory.Exists(Path.Combine(_appHostDirectory, ".scalekit")).Should().BeTrue();
    }
}
