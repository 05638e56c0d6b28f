using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Scalekit.Aspire.Hosting.Tests.Framework;

namespace Scalekit.Aspire.Hosting.Tests.Resource;

/// <summary>What a service gets from <c>WithReference(scalekit)</c> and <c>WithScalekitManagement(scalekit)</c>.</summary>
public sealed class ScalekitEmulatorReferenceTests
{
    [Fact]
    public async Task WithReference_gives_the_service_SCALEKIT_ENVIRONMENT_URL_equal_to_the_issuer_the_emulator_is_given()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        var scalekit = builder.AddScalekitEmulator("scalekit");
        var api = builder.AddExecutable("api", "api", ".").WithReference(scalekit);
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(api.Resource);
        var issuer = AppModel.Option(await AppModel.ArgumentsOf(scalekit.Resource), "--Emulator:EnvironmentUrl");

        // Assert
        environment.Should().Contain("SCALEKIT_ENVIRONMENT_URL", AppModel.EnvironmentUrl);
        environment["SCALEKIT_ENVIRONMENT_URL"].Should().Be(issuer).And.NotEndWith("/");
    }

    [Fact]
    public async Task WithReference_gives_the_service_no_environment_client()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        var scalekit = builder.AddScalekitEmulator("scalekit");
        var api = builder.AddExecutable("api", "api", ".").WithReference(scalekit);
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(api.Resource);

        // Assert
        environment.Keys.Should().NotContain(["SCALEKIT_CLIENT_ID", "SCALEKIT_CLIENT_SECRET"]);
    }

    [Fact]
    public void WithReference_shows_the_service_as_referencing_the_emulator()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        var scalekit = builder.AddScalekitEmulator("scalekit");

        // Act
        var api = builder.AddExecutable("api", "api", ".").WithReference(scalekit);

        // Assert
        api.Resource.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Should().ContainSingle(r => r.Resource == scalekit.Resource && r.Type == "Reference");
    }

    [Fact]
    public async Task WithScalekitManagement_gives_the_service_the_environment_url_and_client_as_SCALEKIT_variables()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        var scalekit = builder.AddScalekitEmulator("scalekit");
        var backend = builder.AddExecutable("backend", "backend", ".").WithScalekitManagement(scalekit);
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(backend.Resource);

        // Assert
        environment.Should().Contain(new Dictionary<string, string>
        {
            ["SCALEKIT_ENVIRONMENT_URL"] = AppModel.EnvironmentUrl,
            ["SCALEKIT_CLIENT_ID"] = "skc_emulator",
            ["SCALEKIT_CLIENT_SECRET"] = "emulator-secret",
        });
    }

    [Fact]
    public async Task WithScalekitManagement_with_a_configuration_section_sets_that_sections_client_instead_of_SCALEKIT_CLIENT_variables()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        var scalekit = builder.AddScalekitEmulator("scalekit");
        var worker = builder.AddExecutable("worker", "worker", ".").WithScalekitManagement(scalekit, "Scalekit:Management");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(worker.Resource);

        // Assert
        environment.Should().Contain("Scalekit__Management__ClientId", "skc_emulator")
            .And.Contain("Scalekit__Management__ClientSecret", "emulator-secret")
            .And.Contain("SCALEKIT_ENVIRONMENT_URL", AppModel.EnvironmentUrl);
        environment.Keys.Should().NotContain(["SCALEKIT_CLIENT_ID", "SCALEKIT_CLIENT_SECRET"]);
    }

    [Fact]
    public async Task WithScalekitManagement_gives_the_service_the_environment_client_passed_as_parameters()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        builder.Configuration["Parameters:client-id"] = "skc_apphost";
        builder.Configuration["Parameters:client-secret"] = "apphost-secret";
        var scalekit = builder.AddScalekitEmulator("scalekit", builder.AddParameter("client-id"), builder.AddParameter("client-secret", secret: true));
        var backend = builder.AddExecutable("backend", "backend", ".").WithScalekitManagement(scalekit);
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(backend.Resource);

        // Assert
        environment.Should().Contain("SCALEKIT_CLIENT_ID", "skc_apphost").And.Contain("SCALEKIT_CLIENT_SECRET", "apphost-secret");
    }
}
