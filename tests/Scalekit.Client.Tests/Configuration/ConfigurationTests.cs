using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Scalekit.Client.Tests.Configuration;

/// <summary>Where the options come from, and what start-up says when they are wrong.</summary>
public sealed class ConfigurationTests
{
    private static readonly Dictionary<string, string?> Complete = new()
    {
        ["Scalekit:Client:EnvironmentUrl"] = "https://acme.scalekit.dev",
        ["Scalekit:Client:ClientId"] = "m2morg_68315758685323697",
        ["Scalekit:Client:ClientSecret"] = "from-appsettings",
    };

    [Fact]
    public void The_Scalekit_Client_section_is_read()
    {
        // Arrange
        var values = new Dictionary<string, string?>(Complete)
        {
            ["Scalekit:Client:Scope"] = "read:deployments deploy:applications",
            ["Scalekit:Client:ClientAuthentication"] = "ClientSecretBasic",
            ["Scalekit:Client:TokenRequest:MaxRetryAttempts"] = "5",
        };

        // Act
        var options = Read(values);

        // Assert
        options.Should().BeEquivalentTo(new
        {
            EnvironmentUrl = "https://acme.scalekit.dev",
            ClientId = "m2morg_68315758685323697",
            ClientSecret = "from-appsettings",
            Scopes = new[] { "deploy:applications", "read:deployments" },
            ClientAuthentication = ScalekitClientAuthentication.ClientSecretBasic,
        });
        options.TokenRequest.MaxRetryAttempts.Should().Be(5);
    }

    [Fact]
    public void The_SCALEKIT_environment_variables_win_over_the_section()
    {
        // Arrange
        var values = new Dictionary<string, string?>(Complete)
        {
            ["SCALEKIT_ENVIRONMENT_URL"] = "https://other.scalekit.dev",
            ["SCALEKIT_CLIENT_ID"] = "m2morg_from_env",
            ["SCALEKIT_CLIENT_SECRET"] = "from-env",
        };

        // Act
        var options = Read(values);

        // Assert
        options.Should().BeEquivalentTo(new { EnvironmentUrl = "https://other.scalekit.dev", ClientId = "m2morg_from_env", ClientSecret = "from-env" });
    }

    [Fact]
    public void The_environment_url_falls_back_to_the_resource_servers_Scalekit_EnvironmentUrl()
    {
        // Arrange
        var values = new Dictionary<string, string?>(Complete) { ["Scalekit:Client:EnvironmentUrl"] = null, ["Scalekit:EnvironmentUrl"] = "https://shared.scalekit.dev" };

        // Act
        var options = Read(values);

        // Assert
        options.EnvironmentUrl.Should().Be("https://shared.scalekit.dev");
    }

    [Fact]
    public void A_custom_section_is_read_without_the_SCALEKIT_variables()
    {
        // Arrange
        var values = new Dictionary<string, string?>
        {
            ["Scalekit:Clients:Billing:EnvironmentUrl"] = "https://acme.scalekit.dev",
            ["Scalekit:Clients:Billing:ClientId"] = "m2morg_billing",
            ["Scalekit:Clients:Billing:ClientSecret"] = "billing-secret",
            ["SCALEKIT_CLIENT_ID"] = "m2morg_from_env",
        };

        // Act
        var options = Read(values, section: "Scalekit:Clients:Billing");

        // Assert
        options.ClientId.Should().Be("m2morg_billing");
    }

    [Fact]
    public void Missing_values_fail_with_messages_that_name_the_key_and_the_variable_to_set()
    {
        // Act
        var act = () => Read([]);

        // Assert
        var failures = act.Should().Throw<OptionsValidationException>().Which.Failures;
        failures.Should().Contain(f => f.Contains("Scalekit:Client:EnvironmentUrl") && f.Contains("SCALEKIT_ENVIRONMENT_URL"));
        failures.Should().Contain(f => f.Contains("Scalekit:Client:ClientId") && f.Contains("SCALEKIT_CLIENT_ID"));
        failures.Should().Contain(f => f.Contains("Scalekit:Client:ClientSecret") && f.Contains("SCALEKIT_CLIENT_SECRET"));
    }

    [Fact]
    public void An_http_client_without_a_base_address_or_allowed_hosts_fails_with_how_to_pin_it()
    {
        // Act
        var act = () => Read(Complete, baseAddress: null);

        // Assert
        act.Should().Throw<OptionsValidationException>().WithMessage("*no host is allowed to receive the token*BaseAddress*Scalekit:Client:AllowedHosts*");
    }

    [Theory]
    [InlineData("Scalekit:Client:EnvironmentUrl", "http://acme.scalekit.dev")]
    [InlineData("Scalekit:Client:TokenEndpoint", "http://acme.scalekit.dev/oauth/token")]
    public void Plain_http_to_a_host_that_is_not_loopback_fails(string key, string value)
    {
        // Arrange
        var values = new Dictionary<string, string?>(Complete) { [key] = value };

        // Act
        var act = () => Read(values);

        // Assert
        act.Should().Throw<OptionsValidationException>().WithMessage($"*{key} '{value}' uses plain http*RequireHttps*");
    }

    [Fact]
    public void Plain_http_to_the_local_emulator_is_fine()
    {
        // Arrange
        var values = new Dictionary<string, string?>(Complete) { ["Scalekit:Client:EnvironmentUrl"] = "http://127.0.0.1:5100" };

        // Act
        var options = Read(values, baseAddress: "http://127.0.0.1:5201/");

        // Assert
        options.EnvironmentUrl.Should().Be("http://127.0.0.1:5100");
    }

    [Fact]
    public void The_shared_token_cache_without_a_HybridCache_fails_with_how_to_add_one()
    {
        // Arrange
        var values = new Dictionary<string, string?>(Complete) { ["Scalekit:Client:UseSharedTokenCache"] = "true" };

        // Act
        var act = () => Read(values);

        // Assert
        act.Should().Throw<OptionsValidationException>().WithMessage("*services.AddHybridCache()*AddStackExchangeRedisCache*");
    }

    [Fact]
    public async Task A_host_with_invalid_client_options_does_not_start()
    {
        // Arrange
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddHttpClient("api", c => c.BaseAddress = new Uri("https://api.acme.com/")).AddScalekitClientCredentials();
        using var host = builder.Build();

        // Act
        var act = () => host.StartAsync();

        // Assert
        (await act.Should().ThrowAsync<OptionsValidationException>()).WithMessage("*the client id is missing*");
    }

    [Fact]
    public void The_management_client_reads_Scalekit_Management_and_is_pinned_to_the_environment()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scalekit:Management:EnvironmentUrl"] = "https://acme.scalekit.dev",
            ["SCALEKIT_CLIENT_ID"] = "skc_58327482062864390",
            ["SCALEKIT_CLIENT_SECRET"] = "environment-secret",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddScalekitManagementClient();
        using var provider = services.BuildServiceProvider();

        // Act
        var options = provider.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get(ScalekitClientDefaults.ManagementHttpClientName);
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ScalekitClientDefaults.ManagementHttpClientName);

        // Assert
        options.ClientId.Should().Be("skc_58327482062864390");
        options.AllowedHosts.Should().Equal("https://acme.scalekit.dev");
        http.BaseAddress.Should().Be(new Uri("https://acme.scalekit.dev/"));
    }

    private static ScalekitClientCredentialsOptions Read(Dictionary<string, string?> values, string? section = null, string? baseAddress = "https://api.acme.com/")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        var builder = baseAddress is null ? services.AddHttpClient("api") : services.AddHttpClient("api", c => c.BaseAddress = new Uri(baseAddress));
        if (section is null)
        {
            builder.AddScalekitClientCredentials();
        }
        else
        {
            builder.AddScalekitClientCredentials(section);
        }

        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<ScalekitClientCredentialsOptions>>().Get("api");
    }
}
