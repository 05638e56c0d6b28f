using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Scalekit.AspNetCore.Testing.Tests;

/// <summary>What the kit changes in the app's Scalekit options, and the host a test builds by hand.</summary>
public sealed class AddScalekitTestAuthorityTests : IDisposable
{
    private const string Partner = "Partner";
    private readonly ScalekitTestAuthority _authority = new();

    [Fact]
    public void Every_Scalekit_scheme_trusts_the_authority_instead_of_its_configured_environment()
    {
        // Act
        var options = OptionsOf(Partner);

        // Assert
        (options.EnvironmentUrl, options.Issuer, options.JwksUri, options.DiscoveryUri)
            .Should().Be((ScalekitTestAuthority.DefaultIssuer, (string?)null, (string?)null, (string?)null));
    }

    [Fact]
    public void The_app_audience_and_validation_rules_are_kept()
    {
        // Act
        var options = OptionsOf(Partner);

        // Assert
        options.Audiences.Should().Equal("partner-api");
        options.ClockSkew.Should().Be(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Unknown_key_ids_are_not_throttled_so_rotations_never_depend_on_test_order()
    {
        // Act
        var options = OptionsOf(ScalekitApiAuthDefaults.AuthenticationScheme);

        // Assert
        options.Keys.UnknownKeyCooldown.Should().BeLessThan(TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public void The_test_adjustments_apply_after_the_authority_settings()
    {
        // Act
        var options = OptionsOf(ScalekitApiAuthDefaults.AuthenticationScheme, o => o.Keys.UnknownKeyCooldown = TimeSpan.FromSeconds(10));

        // Assert
        options.Keys.UnknownKeyCooldown.Should().Be(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_host_built_by_hand_trusts_the_authority_through_UseScalekitTestAuthority()
    {
        // Arrange
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer().UseScalekitTestAuthority(_authority);
        builder.Services.AddScalekitApiAuth(o =>
        {
            o.EnvironmentUrl = "https://acme.scalekit.dev";
            o.Audiences = ["orders-api"];
        });
        await using var app = builder.Build();
        app.MapGet("/orders", () => "[]").RequireScope("read:orders");
        await app.StartAsync();
        using var client = app.GetTestClient().WithScalekitToken(_authority.CreateToken(scopes: ["read:orders"]));

        // Act
        using var response = await client.GetAsync("/orders");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => _authority.Dispose();

    private ScalekitApiAuthOptions OptionsOf(string scheme, Action<ScalekitApiAuthOptions>? configure = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddScalekitApiAuth(o =>
            {
                o.EnvironmentUrl = "https://acme.scalekit.dev";
                o.Audiences = ["orders-api"];
            })
            .AddScalekitApiAuth(Partner, o =>
            {
                o.EnvironmentUrl = "https://partners.scalekit.dev";
                o.Issuer = "https://partners.scalekit.dev/issuer";
                o.JwksUri = "https://partners.scalekit.dev/custom/keys";
                o.Audiences = ["partner-api"];
                o.ClockSkew = TimeSpan.FromSeconds(5);
            });
        services.AddScalekitTestAuthority(_authority, configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptionsMonitor<ScalekitApiAuthOptions>>().Get(scheme);
    }
}
