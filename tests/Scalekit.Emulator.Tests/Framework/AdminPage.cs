using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>The emulator's admin page (<c>wwwroot/index.html</c>) in a real browser, driven as a developer would.</summary>
public sealed partial class AdminPage : IAsyncDisposable
{
    private readonly IPage _page;
    private readonly string _url;

    static AdminPage() => SetDefaultExpectTimeout(30_000);

    private AdminPage(IPage page, string url)
    {
        _page = page;
        _url = url;
    }

    public ILocator SecretBox => _page.Locator("#secret-box");

    public ILocator SecretValue => _page.Locator("#secret-value");

    public ILocator Error => _page.Locator("#error");

    public static async Task<AdminPage> OpenAsync(ChromiumBrowser browser, TestEmulator emulator)
    {
        var page = new AdminPage(await browser.NewPageAsync(), emulator.Address + "/");
        await page._page.GotoAsync(page._url);
        await page.WaitUntilReadyAsync();
        return page;
    }

    public async Task ReloadAsync()
    {
        await _page.ReloadAsync();
        await WaitUntilReadyAsync();
    }

    public Task<string> ContentAsync() => _page.ContentAsync();

    public async Task CreateOrganizationAsync(string name)
    {
        await _page.FillAsync("#organization-name", name);
        await _page.ClickAsync("#organization-form button[type=submit]");
        await Expect(_page.Locator("#organization-select option:checked")).ToHaveTextAsync(new Regex("^" + Regex.Escape(name) + @" \(org_\d+\)$"));
    }

    /// <summary>Fills and submits the registration form; returns the client id and the plain secret the page then shows.</summary>
    public async Task<(string ClientId, string Secret)> RegisterClientAsync(string name, string scopes, string audience, string claims)
    {
        await _page.FillAsync("#client-name", name);
        await _page.FillAsync("#client-description", "Registered from the admin page");
        await _page.FillAsync("#client-scopes", scopes);
        await _page.FillAsync("#client-audience", audience);
        await _page.FillAsync("#client-claims", claims);
        await _page.FillAsync("#client-expiry", "1800");
        await _page.ClickAsync("#client-submit");
        await Expect(SecretBox).ToBeVisibleAsync();
        var clientId = await _page.Locator("#secret-client-id").TextContentAsync();
        await Expect(Row(clientId!)).ToBeVisibleAsync();
        return (clientId!, await ShownSecretAsync());
    }

    /// <summary>The "I have stored it" button.</summary>
    public async Task ConfirmSecretStoredAsync()
    {
        await _page.ClickAsync("#secret-done");
        await Expect(SecretBox).ToBeHiddenAsync();
    }

    public ILocator Row(string clientId) => _page.Locator($"tr[data-client-id=\"{clientId}\"]");

    public ILocator Secrets(string clientId) => Row(clientId).Locator(".secret");

    /// <summary>Clicks "Add secret" on the client's row; returns the new plain secret the page shows.</summary>
    public async Task<string> AddSecretAsync(string clientId)
    {
        var count = await Secrets(clientId).CountAsync();
        await Row(clientId).GetByRole(AriaRole.Button, new() { Name = "Add secret" }).ClickAsync();
        await Expect(Secrets(clientId)).ToHaveCountAsync(count + 1);
        await Expect(SecretBox).ToBeVisibleAsync();
        return await ShownSecretAsync();
    }

    /// <summary>Clicks "Revoke" on the secret line that shows <paramref name="suffix"/>.</summary>
    public async Task RevokeSecretAsync(string clientId, string suffix)
    {
        var count = await Secrets(clientId).CountAsync();
        await Secrets(clientId).Filter(new() { HasText = "…" + suffix }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(Secrets(clientId)).ToHaveCountAsync(count - 1);
    }

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    private async Task<string> ShownSecretAsync()
    {
        await Expect(SecretValue).ToHaveTextAsync(PlainSecret());
        return (await SecretValue.TextContentAsync())!;
    }

    private async Task WaitUntilReadyAsync()
    {
        await _page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(Error).ToBeEmptyAsync();
    }

    [GeneratedRegex("^test_[A-Za-z0-9_-]{43}$")]
    private static partial Regex PlainSecret();
}
