using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Client;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary><c>Scalekit:ApiKeys</c>: off by default and then without any cost or requirement; validated at start-up when on.</summary>
public sealed class ApiKeyConfigurationTests
{
    private static readonly (string, string?)[] Credentials =
    [
        ("Scalekit:ApiKeys:Enabled", "true"),
        ("Scalekit:Management:ClientId", "skc_1234567890"),
        ("Scalekit:Management:ClientSecret", "test_secret"),
    ];

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "Scalekit:ApiKeys:CacheDuration", "00:00:00", "Scalekit:ApiKeys:CacheDuration must be greater than zero and at most 01:00:00" },
        { "Scalekit:ApiKeys:CacheDuration", "01:00:01", "an invalidated key keeps working for that long" },
        { "Scalekit:ApiKeys:RefusalCacheDuration", "00:02:00", "Scalekit:ApiKeys:RefusalCacheDuration must be between 00:00:00 and Scalekit:ApiKeys:CacheDuration" },
        { "Scalekit:ApiKeys:MaxEntries", "0", "Scalekit:ApiKeys:MaxEntries must be at least 1" },
        { "Scalekit:ApiKeys:ValidationsPerSecond", "0", "Scalekit:ApiKeys:ValidationsPerSecond must be a number greater than zero" },
        { "Scalekit:ApiKeys:ValidationBurst", "0", "Scalekit:ApiKeys:ValidationBurst must be at least 1" },
        { "Scalekit:ApiKeys:ValidationTimeout", "00:01:01", "Scalekit:ApiKeys:ValidationTimeout must be greater than zero and at most 00:01:00" },
    };

    [Fact]
    public async Task Api_keys_are_off_by_default_and_need_no_credentials()
    {
        // Act
        await using var app = await ScalekitSettings.StartAppAsync(ScalekitSettings.Valid());

        // Assert
        app.Services.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>().Get(ScalekitApiAuthDefaults.AuthenticationScheme).ApiKeys.Enabled.Should().BeFalse();
        app.Services.GetRequiredService<IOptionsMonitor<HttpClientFactoryOptions>>().Get(ScalekitApiAuthDefaults.ApiKeysHttpClientName)
            .HttpMessageHandlerBuilderActions.Should().BeEmpty("nothing is registered for API keys while they are off");
    }

    [Fact]
    public async Task With_api_keys_off_a_value_without_dots_is_refused_as_a_malformed_token_as_before()
    {
        // Arrange
        await using var issuer = await JwksServer.StartAsync();
        await using var api = await ApiHost.StartAsync(issuer);

        // Act
        using var response = await api.GetAsync("/authenticated", "skapi_" + new string('x', 43));

        // Assert
        response.ShouldRefuseAsInvalidToken(ScalekitErrorDescriptions.Malformed);
    }

    [Fact]
    public async Task The_api_keys_section_binds()
    {
        // Arrange
        var settings = ScalekitSettings.Valid([.. Credentials, ("Scalekit:ApiKeys:CacheDuration", "00:00:30"), ("Scalekit:ApiKeys:ValidationsPerSecond", "5")]);

        // Act
        var options = await ScalekitSettings.StartAsync(settings);

        // Assert
        options.ApiKeys.Enabled.Should().BeTrue();
        options.ApiKeys.CacheDuration.Should().Be(TimeSpan.FromSeconds(30));
        options.ApiKeys.ValidationsPerSecond.Should().Be(5);
    }

    [Fact]
    public async Task The_environment_clients_credentials_come_from_the_management_section_on_the_resource_servers_environment()
    {
        // Act
        await using var app = await ScalekitSettings.StartAppAsync(ScalekitSettings.Valid(Credentials));

        // Assert
        var credentials = app.Services.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(ScalekitApiAuthDefaults.ApiKeysHttpClientName);
        credentials.ClientId.Should().Be("skc_1234567890");
        credentials.EnvironmentUrl.Should().Be(ScalekitSettings.EnvironmentUrl);
    }

    [Fact]
    public async Task Api_keys_without_the_environment_clients_credentials_stop_start_up_naming_the_variables()
    {
        // Arrange
        var settings = ScalekitSettings.Valid(("Scalekit:ApiKeys:Enabled", "true"));

        // Act
        var start = () => ScalekitSettings.StartAsync(settings);

        // Assert
        var error = (await start.Should().ThrowAsync<Exception>()).Which;
        error.ToString().Should().Contain(ScalekitClientDefaults.ClientIdVariable).And.Contain(ScalekitClientDefaults.ClientSecretVariable);
    }

    [Fact]
    public async Task Api_keys_turned_on_after_registration_stop_start_up_with_how_to_turn_them_on()
    {
        // Arrange
        var builder = TestApp.CreateBuilder(ScalekitSettings.Valid());
        builder.AddScalekitApiAuth();
        builder.Services.PostConfigure<ScalekitApiAuthOptions>(ScalekitApiAuthDefaults.AuthenticationScheme, o => o.ApiKeys.Enabled = true);

        // Act
        var start = async () => await (await builder.StartAsync()).DisposeAsync();

        // Assert
        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message
            .Should().Contain("API keys were turned on after registration").And.Contain("Scalekit:ApiKeys:Enabled");
    }

    [Theory, MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_api_key_setting_stops_start_up_with_a_message_that_says_what_to_fix(string key, string value, string expected)
    {
        // Arrange
        var settings = ScalekitSettings.Valid([.. Credentials, (key, value)]);

        // Act
        var error = await ScalekitSettings.StartupFailureAsync(settings);

        // Assert
        error.Message.Should().Contain(expected);
    }
}
