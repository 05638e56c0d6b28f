using System.Net;
using Scalekit.AspNetCore.Tests.Framework;
using Scalekit.Emulator.Tests.Framework;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.Emulator.Tests.Endpoints;

/// <summary>
/// The admin page's destructive buttons, Delete and Revoke, ask first and name what they remove; only a yes removes it.
/// The client of Scalekit's guide is registered before each test, in the organization the page selects.
/// </summary>
public sealed class AdminPageConfirmationTests(ChromiumBrowser browser) : EmulatorTest, IClassFixture<ChromiumBrowser>
{
    private const string Name = "GitHub Actions Deployment Service";

    private string Suffix => Client.PlainSecret[^4..];

    [ChromiumFact]
    public async Task The_delete_confirmation_names_the_client()
    {
        // Arrange
        await using var page = await AdminPage.OpenAsync(browser, Emulator);

        // Act
        var question = await page.DismissDeleteClientAsync(Client.ClientId);

        // Assert
        question.Should().Be($"Delete the API client \"{Name}\" ({Client.ClientId}) and all its secrets? This cannot be undone.");
    }

    [ChromiumFact]
    public async Task A_dismissed_delete_confirmation_deletes_nothing()
    {
        // Arrange
        await using var page = await AdminPage.OpenAsync(browser, Emulator);

        // Act
        await page.DismissDeleteClientAsync(Client.ClientId);

        // Assert
        (await page.SentAsync()).Should().NotContain(request => request.StartsWith("DELETE ", StringComparison.Ordinal));
        await Expect(page.Row(Client.ClientId)).ToBeVisibleAsync();
        await Emulator.ManageAsync(HttpMethod.Get, Client.Path, null, HttpStatusCode.OK);
    }

    [ChromiumFact]
    public async Task An_accepted_delete_confirmation_deletes_the_client()
    {
        // Arrange
        await using var page = await AdminPage.OpenAsync(browser, Emulator);

        // Act
        await page.DeleteClientAsync(Client.ClientId);

        // Assert
        await Emulator.ManageAsync(HttpMethod.Get, Client.Path, null, HttpStatusCode.NotFound);
    }

    [ChromiumFact]
    public async Task The_revoke_confirmation_names_the_secret_and_its_client()
    {
        // Arrange
        await using var page = await AdminPage.OpenAsync(browser, Emulator);

        // Act
        var question = await page.DismissRevokeSecretAsync(Client.ClientId, Suffix);

        // Assert
        question.Should().Be($"Revoke the secret …{Suffix} of \"{Name}\" ({Client.ClientId})? No token can be requested with it afterwards.");
    }

    [ChromiumFact]
    public async Task A_dismissed_revoke_confirmation_revokes_nothing()
    {
        // Arrange
        await using var page = await AdminPage.OpenAsync(browser, Emulator);

        // Act
        await page.DismissRevokeSecretAsync(Client.ClientId, Suffix);

        // Assert
        (await page.SentAsync()).Should().NotContain(request => request.StartsWith("DELETE ", StringComparison.Ordinal));
        await Expect(page.Secrets(Client.ClientId)).ToHaveCountAsync(1);
        using var token = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);
        await token.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [ChromiumFact]
    public async Task An_accepted_revoke_confirmation_revokes_the_secret()
    {
        // Arrange: a second secret, as the emulator keeps a client's last one
        await Emulator.ManageAsync(HttpMethod.Post, Client.Path + "/secrets", null, HttpStatusCode.Created);
        await using var page = await AdminPage.OpenAsync(browser, Emulator);

        // Act
        await page.RevokeSecretAsync(Client.ClientId, Suffix);

        // Assert
        using var token = await Emulator.PostTokenAsync(Client.ClientId, Client.PlainSecret);
        await token.ShouldBeOAuthErrorAsync(HttpStatusCode.Unauthorized, "invalid_client");
    }
}
