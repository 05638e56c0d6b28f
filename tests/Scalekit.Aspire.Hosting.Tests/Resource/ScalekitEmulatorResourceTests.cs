using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Scalekit.Aspire.Hosting.Tests.Framework;

namespace Scalekit.Aspire.Hosting.Tests.Resource;

/// <summary>What <c>AddScalekitEmulator</c> puts in the application model: command, endpoint, arguments, environment.</summary>
public sealed class ScalekitEmulatorResourceTests
{
    [Fact]
    public void The_emulator_runs_the_scalekit_emulator_tool_from_the_AppHost_directory_by_default()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();

        // Act
        var scalekit = builder.AddScalekitEmulator("scalekit");

        // Assert
        scalekit.Resource.Command.Should().Be("scalekit-emulator");
        scalekit.Resource.WorkingDirectory.Should().Be(builder.AppHostDirectory);
        builder.Resources.Should().ContainSingle(r => r.Name == "scalekit").Which.Should().BeOfType<ScalekitEmulatorResource>();
    }

    [Fact]
    public void The_emulator_has_one_proxied_http_endpoint_whose_port_Aspire_allocates()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();

        // Act
        var scalekit = builder.AddScalekitEmulator("scalekit");

        // Assert
        var endpoint = scalekit.Resource.Annotations.OfType<EndpointAnnotation>().Should().ContainSingle().Subject;
        endpoint.Name.Should().Be(ScalekitEmulatorResource.HttpEndpointName);
        endpoint.UriScheme.Should().Be("http");
        endpoint.Port.Should().BeNull();
        endpoint.IsProxied.Should().BeTrue();
    }

    [Fact]
    public void A_port_given_to_AddScalekitEmulator_is_the_port_services_call()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();

        // Act
        var scalekit = builder.AddScalekitEmulator("scalekit", port: 5100);

        // Assert
        scalekit.Resource.Annotations.OfType<EndpointAnnotation>().Single().Port.Should().Be(5100);
    }

    [Fact]
    public async Task The_emulator_listens_on_loopback_at_the_port_the_proxy_forwards_to()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder().AddScalekitEmulator("scalekit");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        AppModel.Option(arguments, "--urls").Should().Be($"http://127.0.0.1:{AppModel.TargetPort}");
    }

    [Fact]
    public async Task The_emulator_is_told_its_environment_url_is_its_endpoints_url_without_a_trailing_slash()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder().AddScalekitEmulator("scalekit");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var arguments = await AppModel.ArgumentsOf(scalekit.Resource);

        // Assert
        AppModel.Option(arguments, "--Emulator:EnvironmentUrl").Should().Be(AppModel.EnvironmentUrl);
    }

    [Fact]
    public async Task The_emulator_gets_its_default_environment_client_as_SCALEKIT_CLIENT_variables()
    {
        // Arrange
        var scalekit = AppModel.CreateBuilder().AddScalekitEmulator("scalekit");
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(scalekit.Resource);

        // Assert
        environment.Should().Contain("SCALEKIT_CLIENT_ID", "skc_emulator").And.Contain("SCALEKIT_CLIENT_SECRET", "emulator-secret");
    }

    [Fact]
    public async Task Parameters_given_to_AddScalekitEmulator_are_the_emulators_environment_client()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();
        builder.Configuration["Parameters:scalekit-client-id"] = "skc_apphost";
        builder.Configuration["Parameters:scalekit-client-secret"] = "apphost-secret";
        var scalekit = builder.AddScalekitEmulator("scalekit",
            builder.AddParameter("scalekit-client-id"), builder.AddParameter("scalekit-client-secret", secret: true));
        AppModel.Allocate(scalekit.Resource);

        // Act
        var environment = await AppModel.EnvironmentOf(scalekit.Resource);

        // Assert
        environment.Should().Contain("SCALEKIT_CLIENT_ID", "skc_apphost").And.Contain("SCALEKIT_CLIENT_SECRET", "apphost-secret");
    }

    [Fact]
    public void The_emulator_has_a_health_check_on_its_discovery_document()
    {
        // Arrange
        var builder = AppModel.CreateBuilder();

        // Act
        var scalekit = builder.AddScalekitEmulator("scalekit");

        // Assert
        scalekit.Resource.Annotations.OfType<HealthCheckAnnotation>().Should().ContainSingle()
            .Which.Key.Should().Be("scalekit_http_/.well-known/openid-configuration_200_check");
    }
}
