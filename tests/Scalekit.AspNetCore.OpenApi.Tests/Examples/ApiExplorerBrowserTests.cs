using Microsoft.Playwright;
using Scalekit.AspNetCore.OpenApi.Tests.Framework;
using Scalekit.AspNetCore.Tests.Framework;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.AspNetCore.OpenApi.Tests.Examples;

/// <summary>
/// examples/MinimalApi's API explorer as a developer uses it after starting the emulator: authorize with an API client's
/// id and secret (the page asks the emulator for a token, cross-origin), then call the protected routes.
/// </summary>
public sealed class ApiExplorerBrowserTests(ChromiumBrowser browser, ApiExplorerSite site)
    : IClassFixture<ChromiumBrowser>, IClassFixture<ApiExplorerSite>
{
    /// <summary>Where the test leaves its screenshot; docs/images/openapi-api-explorer.png is a copy.</summary>
    public static readonly string Screenshot = Path.Combine(AppContext.BaseDirectory, "openapi-api-explorer.png");

    [ChromiumFact]
    public async Task The_page_offers_the_client_credentials_flow_at_the_emulator_and_loads_nothing_from_elsewhere()
    {
        // Act
        var explorer = await ApiExplorerPage.OpenAsync(browser, site);

        // Assert
        await Expect(explorer.Page.GetByText("Token URL:")).ToBeVisibleAsync();
        await Expect(explorer.Page.GetByText(site.EmulatorUrl + "/oauth/token").First).ToBeVisibleAsync();
        explorer.External.Should().BeEmpty("the page's script is served by the API from the Scalar.AspNetCore package");
    }

    [ChromiumFact]
    public async Task A_read_only_client_authorized_with_its_id_and_secret_lists_deployments_with_200()
    {
        // Arrange
        var explorer = await ApiExplorerPage.OpenAsync(browser, site);
        await explorer.AuthorizeAsync(site.ClientId, site.ClientSecret);

        // Act
        var status = await explorer.SendAsync("Deployments", "GET", "/api/deployments");

        // Assert
        status.Should().Be(200);
        await Expect(explorer.Page.GetByText("200 OK").First).ToBeVisibleAsync();
        await explorer.Page.ScreenshotAsync(new() { Path = Screenshot, Animations = ScreenshotAnimations.Disabled });
        explorer.External.Should().BeEmpty();
    }

    [ChromiumFact]
    public async Task The_same_client_deploying_gets_403_insufficient_scope()
    {
        // Arrange
        var explorer = await ApiExplorerPage.OpenAsync(browser, site);
        await explorer.AuthorizeAsync(site.ClientId, site.ClientSecret);

        // Act
        var status = await explorer.SendAsync("Deployments", "POST", "/api/deployments");

        // Assert
        status.Should().Be(403);
        await Expect(explorer.Page.GetByText("insufficient_scope").First).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Without_authorizing_a_protected_route_answers_401()
    {
        // Arrange
        var explorer = await ApiExplorerPage.OpenAsync(browser, site);

        // Act
        var status = await explorer.SendAsync("Deployments", "GET", "/api/deployments");

        // Assert
        status.Should().Be(401);
    }
}
