using System.Net;
using Scalekit.Emulator.Tests.Framework;

namespace Scalekit.Emulator.Tests.Internal;

/// <summary>The environment token's lifetime is checked on the emulator's clock, which minted it, not on the system clock.</summary>
public sealed class EnvironmentTokenLifetimeTests() : EmulatorTest(registerClient: false)
{
    [Fact]
    public async Task An_expired_environment_token_is_refused()
    {
        // Arrange
        var token = await Emulator.GetEnvironmentTokenAsync();
        Time.Advance(TimeSpan.FromSeconds(86399) + TimeSpan.FromSeconds(31));

        // Act
        using var response = await Emulator.SendAsync(HttpMethod.Get, "/api/v1/organizations", null, token);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid or expired");
    }

    [Fact]
    public async Task An_environment_token_is_accepted_for_its_whole_lifetime_on_the_emulators_clock()
    {
        // Arrange
        var token = await Emulator.GetEnvironmentTokenAsync();
        Time.Advance(TimeSpan.FromSeconds(86399));

        // Act
        using var response = await Emulator.SendAsync(HttpMethod.Get, "/api/v1/organizations", null, token);

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_fresh_environment_token_is_accepted_whatever_the_system_clock_says()
    {
        // Arrange
        Time.Advance(TimeSpan.FromDays(3));

        // Act
        using var response = await Emulator.ManageAsync(HttpMethod.Get, "/api/v1/organizations");

        // Assert
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}
