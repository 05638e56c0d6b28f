using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.Tests.Configuration;

public sealed class StartupValidationTests
{
    /// <summary>One bad setting (a <see langword="null"/> value removes the key) and what the error must say.</summary>
    public static TheoryData<string, string?, string[]> InvalidSettings => new()
    {
        { "Scalekit:EnvironmentUrl", null, ["Scalekit:EnvironmentUrl", "SCALEKIT_ENVIRONMENT_URL"] },
        { "Scalekit:EnvironmentUrl", "acme.scalekit.dev", ["'acme.scalekit.dev' is not an absolute http(s) URL", "Scalekit:EnvironmentUrl"] },
        { "Scalekit:EnvironmentUrl", "/acme", ["'/acme' is not an absolute http(s) URL"] },
        { "Scalekit:EnvironmentUrl", "ftp://acme.scalekit.dev", ["is not an absolute http(s) URL"] },
        { "Scalekit:Audience", null, ["Scalekit:Audience", "SCALEKIT_AUDIENCE"] },
        { "Scalekit:EnvironmentUrl", "http://acme.scalekit.dev", ["plain http", "Scalekit:RequireHttpsMetadata"] },
        { "Scalekit:JwksUri", "http://keys.acme.example/keys", ["Scalekit:JwksUri", "plain http", "Scalekit:RequireHttpsMetadata"] },
        { "Scalekit:DiscoveryUri", "http://acme.scalekit.dev/.well-known/openid-configuration", ["Scalekit:DiscoveryUri", "Scalekit:RequireHttpsMetadata"] },
        { "Scalekit:JwksUri", "keys", ["Scalekit:JwksUri 'keys' is not an absolute http(s) URL"] },
        { "Scalekit:EnvironmentUrl", "https://admin:hunter2@acme.scalekit.dev", ["Scalekit:EnvironmentUrl carries user info"] },
        { "Scalekit:JwksUri", "https://admin:hunter2@acme.scalekit.dev/keys", ["Scalekit:JwksUri carries user info"] },
        { "Scalekit:DiscoveryUri", "https://admin:hunter2@acme.scalekit.dev/.well-known/openid-configuration", ["Scalekit:DiscoveryUri carries user info"] },
        { "Scalekit:ClockSkew", "00:05:01", ["Scalekit:ClockSkew must be between 00:00:00 and 00:05:00 (it is 00:05:01)"] },
        { "Scalekit:ClockSkew", "-00:00:01", ["Scalekit:ClockSkew must be between"] },
        { "Scalekit:MaxTokenSize", "255", ["Scalekit:MaxTokenSize must be at least 256"] },
        { "Scalekit:Keys:RefreshInterval", "00:00:00", ["Scalekit:Keys:RefreshInterval must be greater than zero"] },
        { "Scalekit:Keys:UnknownKeyCooldown", "-00:00:01", ["Scalekit:Keys:UnknownKeyCooldown must be greater than zero"] },
        { "Scalekit:Keys:FetchTimeout", "00:00:00", ["Scalekit:Keys:FetchTimeout must be greater than zero"] },
        { "Scalekit:Keys:UnknownKeyCooldown", "00:05:01", ["Scalekit:Keys:UnknownKeyCooldown must be at most 00:05:00 (it is 00:05:01): a request with an unknown kid may wait that long"] },
        { "Scalekit:Keys:FetchTimeout", "10675199.02:48:05", ["Scalekit:Keys:FetchTimeout must be at most 00:05:00"] },
        { "Scalekit:Keys:MaxUnknownKeyWaiters", "-1", ["Scalekit:Keys:MaxUnknownKeyWaiters must not be negative"] },
        { "Scalekit:Keys:MaxRetryDelay", "00:00:00", ["Scalekit:Keys:MaxRetryDelay must be greater than zero"] },
        { "Scalekit:Keys:MinRetryDelay", "00:10:00", ["Scalekit:Keys:MinRetryDelay (00:10:00) must not exceed Scalekit:Keys:MaxRetryDelay (00:05:00)"] },
        { "Scalekit:Keys:MaxResponseSize", "1023", ["Scalekit:Keys:MaxResponseSize must be at least 1024 bytes"] },
    };

    [Theory, MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_setting_stops_start_up_with_a_message_that_says_what_to_fix(string key, string? value, string[] expected)
    {
        // Arrange
        var settings = ScalekitSettings.Valid((key, value));

        // Act
        var error = await ScalekitSettings.StartupFailureAsync(settings);

        // Assert
        error.Message.Should().ContainAll(expected);
    }

    [Fact]
    public async Task A_url_with_a_password_is_refused_without_quoting_the_password()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:JwksUri", "https://admin:hunter2@acme.scalekit.dev/keys"));

        // Act
        var error = await ScalekitSettings.StartupFailureAsync(settings);

        // Assert
        error.Message.Should().NotContain("hunter2");
    }

    [Fact]
    public async Task Setting_both_a_jwks_uri_and_a_discovery_uri_stops_start_up()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(
            ("Scalekit:JwksUri", "https://acme.scalekit.dev/keys"),
            ("Scalekit:DiscoveryUri", "https://acme.scalekit.dev/.well-known/openid-configuration"));

        // Act
        var error = await ScalekitSettings.StartupFailureAsync(settings);

        // Assert
        error.Message.Should().Contain("set either Scalekit:JwksUri or Scalekit:DiscoveryUri, not both");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:EnvironmentUrl", null), ("Scalekit:Audience", null), ("Scalekit:ClockSkew", "01:00:00"));

        // Act
        var error = await ScalekitSettings.StartupFailureAsync(settings);

        // Assert
        error.Failures.Should().HaveCount(3);
    }

    [Fact]
    public async Task Disabling_audience_validation_makes_the_audience_optional()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:Audience", null), ("Scalekit:DisableAudienceValidation", "true"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.DisableAudienceValidation.Should().BeTrue();
    }

    [Fact]
    public async Task A_clock_skew_of_exactly_five_minutes_is_allowed()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:ClockSkew", "00:05:00"));

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.ClockSkew.Should().Be(TimeSpan.FromMinutes(5));
    }
}
