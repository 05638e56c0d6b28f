using System.Net;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator.Tests.Framework;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>
/// <see cref="ScalekitEmulatorOptions.EnableUiSession"/> off: <c>/ui/session</c> hands out no token, and the admin page,
/// still served, says so and works with a pasted environment token.
/// </summary>
public sealed class UiSessionOptionTests(ChromiumBrowser browser) : EmulatorTest, IClassFixture<ChromiumBrowser>
{
    protected override void Configure(ScalekitEmulatorOptions options) => options.EnableUiSession = false;

    [Fact]
    public async Task With_the_ui_session_off_the_session_refuses_with_the_reason()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/ui/session");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "Emulator:EnableUiSession is false");
    }

    [Fact]
    public async Task With_the_ui_session_off_the_admin_page_is_still_served()
    {
        // Act
        using var response = await Emulator.Http.GetAsync("/");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [ChromiumFact]
    public async Task With_the_ui_session_off_the_page_asks_for_a_token_and_says_why()
    {
        // Act
        await using var page = await AdminPage.OpenWithoutSessionAsync(browser, Emulator);

        // Assert
        await Expect(page.TokenBox).ToContainTextAsync("The admin page's session is turned off (Emulator:EnableUiSession is false)");
        await Expect(page.TokenBox).ToContainTextAsync($"curl -s {Emulator.Address}/oauth/token -d grant_type=client_credentials");
    }

    [ChromiumFact]
    public async Task With_the_ui_session_off_a_pasted_environment_token_lists_the_organizations()
    {
        // Arrange
        await using var page = await AdminPage.OpenWithoutSessionAsync(browser, Emulator);

        // Act
        await page.UseTokenAsync(await Emulator.GetEnvironmentTokenAsync());

        // Assert
        (await page.OrganizationsAsync()).Should().Equal($"Acme Corp ({Client.OrganizationId})");
        await Expect(page.Row(Client.ClientId)).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task A_pasted_token_of_an_api_client_is_refused_with_the_reason()
    {
        // Arrange
        await using var page = await AdminPage.OpenWithoutSessionAsync(browser, Emulator);

        // Act
        await page.PasteTokenAsync(await Emulator.GetAccessTokenAsync(Client));

        // Assert
        await Expect(page.Error).ToContainTextAsync("needs a token of the environment client");
        await Expect(page.TokenBox).ToBeVisibleAsync();
    }
}
