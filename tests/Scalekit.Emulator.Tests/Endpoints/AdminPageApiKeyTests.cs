using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator.Tests.Framework;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>
/// The admin page's API keys, in headless Chromium: a key created in the page is shown once and validates as an API
/// validates it (<c>ScalekitManagementClient.ValidateApiKeyAsync</c> against the same emulator); the list shows the
/// current keys, and Invalidate asks first.
/// </summary>
public sealed class AdminPageApiKeyTests(ChromiumBrowser browser) : EmulatorTest(registerClient: false), IClassFixture<ChromiumBrowser>
{
    private EmulatorManagement _management = null!;

    public override async Task DisposeAsync()
    {
        _management.Dispose();
        await base.DisposeAsync();
    }

    [ChromiumFact]
    public async Task A_key_created_in_the_page_is_shown_once_and_validates_with_its_organization_user_and_claims()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();

        // Act
        var (id, key) = await page.CreateApiKeyAsync("CI pipeline", userId: "usr_67890", claims: "env=production\nteam=payments");

        // Assert
        var validated = await _management.Management.ValidateApiKeyAsync(key);
        validated.Should().BeEquivalentTo(new
        {
            Id = id,
            UserId = "usr_67890",
            Description = "CI pipeline",
            CustomClaims = new Dictionary<string, string> { ["env"] = "production", ["team"] = "payments" },
            KeySuffix = key[^4..],
        });
        validated!.OrganizationId.Should().StartWith("org_");
    }

    [ChromiumFact]
    public async Task The_key_box_says_it_is_shown_once_and_copies_the_key()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();
        var (_, key) = await page.CreateApiKeyAsync("CI pipeline");

        // Act
        var copied = await page.CopyApiKeyAsync();

        // Assert
        copied.Should().Be(key);
        await Expect(page.ApiKeyBox).ToContainTextAsync("It is shown once and never again");
    }

    [ChromiumFact]
    public async Task After_a_reload_the_key_is_gone_and_the_list_shows_its_id_suffix_user_and_times()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();
        var expiry = Time.GetUtcNow().AddDays(30);
        var (id, key) = await page.CreateApiKeyAsync("CI pipeline", userId: "usr_67890", expiry: expiry);

        // Act
        await page.ReloadAsync();

        // Assert
        await Expect(page.ApiKeyBox).ToBeHiddenAsync();
        (await page.ContentAsync()).Should().NotContain(key);
        var cells = await page.ApiKeyCellsAsync(id);
        cells.Take(5).Should().Equal(
            $"{id}\n…{key[^4..]}", "CI pipeline", "usr_67890", Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm"), expiry.ToString("yyyy-MM-dd HH:mm"));
        (await _management.Management.ValidateApiKeyAsync(key))!.Expiry.Should().Be(new DateTimeOffset(expiry.Year, expiry.Month, expiry.Day, expiry.Hour, expiry.Minute, 0, TimeSpan.Zero));
    }

    [ChromiumFact]
    public async Task An_accepted_invalidate_confirmation_names_the_key_and_validation_then_fails()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();
        var (id, key) = await page.CreateApiKeyAsync("CI pipeline", userId: "usr_67890");
        await page.ConfirmApiKeyStoredAsync();
        (await _management.Management.ValidateApiKeyAsync(key)).Should().NotBeNull();

        // Act
        var question = await page.InvalidateApiKeyAsync(id);

        // Assert
        question.Should().Be($"Invalidate the API key …{key[^4..]} ({id}) of the user usr_67890? Every call with it is refused afterwards. This cannot be undone.");
        (await _management.Management.ValidateApiKeyAsync(key)).Should().BeNull();
    }

    [ChromiumFact]
    public async Task A_dismissed_invalidate_confirmation_invalidates_nothing()
    {
        // Arrange
        await using var page = await OpenWithOrganizationAsync();
        var (id, key) = await page.CreateApiKeyAsync("CI pipeline");

        // Act
        await page.DismissInvalidateApiKeyAsync(id);

        // Assert
        (await page.SentAsync()).Should().NotContain("POST /api/v1/tokens:invalidate");
        await Expect(page.ApiKeyRow(id)).ToBeVisibleAsync();
        (await _management.Management.ValidateApiKeyAsync(key)).Should().NotBeNull();
    }

    protected override async Task ArrangeAsync()
    {
        await base.ArrangeAsync();
        _management = new EmulatorManagement(Emulator);
    }

    /// <summary>Opens the admin page and creates an organization through it, which the page then selects.</summary>
    private async Task<AdminPage> OpenWithOrganizationAsync()
    {
        var page = await AdminPage.OpenAsync(browser, Emulator);
        await page.CreateOrganizationAsync("Acme Corp");
        return page;
    }
}
