using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator;

namespace Scalekit.AspNetCore.Tests.ApiKeys;

/// <summary>
/// Keys are validated at one environment, the environment client's: a scheme with API keys on that trusts another
/// environment stops start-up, instead of accepting the keys of the first environment.
/// </summary>
public sealed class ApiKeyEnvironmentTests
{
    [Fact]
    public async Task A_second_API_key_scheme_that_trusts_another_environment_stops_start_up_saying_how_to_fix_it()
    {
        // Arrange: the default scheme trusts emulator A, the scheme "Partner" trusts emulator B; both turn API keys on
        await using var other = await ScalekitEmulatorHost.StartAsync();

        // Act
        var start = async () => await (await ApiKeyHost.StartAsync(services: s => AddPartner(s, other.EnvironmentUrl))).DisposeAsync();

        // Assert
        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message
            .Should().Contain("Partner").And.Contain(other.EnvironmentUrl.TrimEnd('/')).And.Contain("Scalekit:Management:EnvironmentUrl");
    }

    [Fact]
    public async Task A_second_API_key_scheme_on_the_same_environment_written_with_a_trailing_slash_starts()
    {
        // Arrange
        await using var emulator = await ScalekitEmulatorHost.StartAsync();

        // Act
        await using var host = await ApiKeyHost.StartAsync(services: s => AddPartner(s, emulator.EnvironmentUrl.TrimEnd('/') + "/"), emulator: emulator);
        var created = await host.CreateKeyAsync();
        using var response = await host.GetAsync("/authenticated", created.PlainKey);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static void AddPartner(IServiceCollection services, string environmentUrl) =>
        services.AddAuthentication().AddScalekitApiAuth("Partner", o =>
        {
            o.EnvironmentUrl = environmentUrl;
            o.Audiences.Add(TestTokens.Audience);
            o.Keys.WarmUp = false;
            o.ApiKeys.Enabled = true;
        });
}
