using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Hosting;

/// <summary>The emulator's command line, as the <c>scalekit-emulator</c> tool and <c>dotnet run</c> take it.</summary>
public sealed class EmulatorCommandLineTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Help_lists_the_commands_and_options_and_exits_0()
    {
        // Act
        var (exitCode, output, _) = await EmulatorCli.RunAsync(Path.GetTempPath(), "--help");

        // Assert
        exitCode.Should().Be(0);
        output.Should().Contain("Usage: scalekit-emulator").And.Contain("rotate-keys").And.Contain("--database <path>").And.Contain("--urls <urls>");
    }

    [Fact]
    public async Task Version_prints_the_package_version()
    {
        // Act
        var (exitCode, output, _) = await EmulatorCli.RunAsync(Path.GetTempPath(), "--version");

        // Assert
        exitCode.Should().Be(0);
        output.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public async Task The_database_option_chooses_the_database_file()
    {
        // Act
        var (exitCode, output, error) = await EmulatorCli.RunAsync(Path.GetTempPath(), "rotate-keys", "--database", _database.Path);

        // Assert
        exitCode.Should().Be(0, error);
        output.Should().StartWith("New signing key snk_");
        File.Exists(_database.Path).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_command_exits_2_and_points_at_help()
    {
        // Act
        var (exitCode, _, error) = await EmulatorCli.RunAsync(Path.GetTempPath(), "serve-everything");

        // Assert
        exitCode.Should().Be(2);
        error.Should().Contain("Unknown command 'serve-everything'").And.Contain("--help");
    }

    [Theory]
    [InlineData(new[] { "--database", "a.db" }, new[] { "--Emulator:Database=a.db" })]
    [InlineData(new[] { "--database=a.db", "--urls", "http://127.0.0.1:1" }, new[] { "--Emulator:Database=a.db", "--urls", "http://127.0.0.1:1" })]
    [InlineData(new[] { "--grace-seconds", "60" }, new[] { "--grace-seconds", "60" })]
    public void The_database_shorthand_becomes_the_emulator_option(string[] arguments, string[] expected)
    {
        // Act
        var normalized = EmulatorArguments.Normalize(arguments);

        // Assert
        normalized.Should().Equal(expected);
    }

    [Fact]
    public void The_default_database_is_a_per_user_file_not_the_current_folder()
    {
        // Act
        var database = new ScalekitEmulatorOptions().Database;

        // Assert
        database.Should().Be(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Scalekit", "Emulator", "scalekit-emulator.db"));
        Path.IsPathRooted(database).Should().BeTrue();
    }
}
