using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Configuration;

public sealed class ConfigurationBindingTests
{
    [Fact]
    public async Task The_environment_url_binds_from_the_scalekit_section()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:EnvironmentUrl", "https://globex.scalekit.cloud"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.EnvironmentUrl.Should().Be("https://globex.scalekit.cloud");
    }

    [Fact]
    public async Task A_comma_separated_audience_becomes_several_audiences()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:Audience", "deployment-api.acmecorp.com, billing-api.acmecorp.com"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Audiences.Should().Equal("deployment-api.acmecorp.com", "billing-api.acmecorp.com");
    }

    [Fact]
    public async Task An_audiences_array_binds_in_order()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(
            ("Scalekit:Audience", null),
            ("Scalekit:Audiences:0", "deployment-api.acmecorp.com"),
            ("Scalekit:Audiences:1", "billing-api.acmecorp.com"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Audiences.Should().Equal("deployment-api.acmecorp.com", "billing-api.acmecorp.com");
    }

    [Fact]
    public async Task Audience_and_audiences_together_are_merged_without_duplicates()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(
            ("Scalekit:Audience", "billing-api.acmecorp.com,deployment-api.acmecorp.com"),
            ("Scalekit:Audiences:0", "deployment-api.acmecorp.com"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Audiences.Should().Equal("deployment-api.acmecorp.com", "billing-api.acmecorp.com");
    }

    [Fact]
    public async Task Key_cache_timings_bind_from_the_keys_subsection()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(
            ("Scalekit:Keys:RefreshInterval", "00:05:00"),
            ("Scalekit:Keys:UnknownKeyCooldown", "00:00:30"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Keys.RefreshInterval.Should().Be(TimeSpan.FromMinutes(5));
        options.Keys.UnknownKeyCooldown.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_environment_url_variable_overrides_the_section()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("SCALEKIT_ENVIRONMENT_URL", "http://localhost:8080"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.EnvironmentUrl.Should().Be("http://localhost:8080");
    }

    [Fact]
    public async Task The_audience_variable_replaces_every_audience_of_the_section()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(
            ("Scalekit:Audiences:0", "billing-api.acmecorp.com"),
            ("SCALEKIT_AUDIENCE", "emulator-api,other-api"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Audiences.Should().Equal("emulator-api", "other-api");
    }

    [Fact]
    public async Task The_two_variables_alone_are_a_complete_configuration()
    {
        // Arrange
        var settings = new Dictionary<string, string?>
        {
            ["SCALEKIT_ENVIRONMENT_URL"] = "https://acme.scalekit.dev",
            ["SCALEKIT_AUDIENCE"] = "deployment-api.acmecorp.com",
        };

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Should().BeEquivalentTo(new { EnvironmentUrl = "https://acme.scalekit.dev", Audiences = new[] { "deployment-api.acmecorp.com" } });
    }

    [Fact]
    public async Task An_empty_audience_variable_leaves_the_section_in_charge()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("SCALEKIT_AUDIENCE", ""));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.Audiences.Should().Equal(TestTokens.Audience);
    }

    [Fact]
    public async Task The_configure_callback_runs_after_configuration_and_wins()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:ClockSkew", "00:01:00"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings, o => o.ClockSkew = TimeSpan.FromSeconds(5));

        // Assert
        options.ClockSkew.Should().Be(TimeSpan.FromSeconds(5));
    }
}
