using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Scalekit.AspNetCore.Tests.Framework;
using static Microsoft.Playwright.Assertions;

namespace Scalekit.Emulator.Tests.Framework;

/// <summary>
/// The emulator's admin page (<c>wwwroot/index.html</c>) in a real browser, driven as a developer would. The page's
/// <c>fetch</c> calls are recorded (<see cref="SentAsync"/>), so a test can tell that a click sent nothing.
/// </summary>
public sealed partial class AdminPage : IAsyncDisposable
{
    private const string RecordFetches = """
        window.__sent = [];
        const fetchAsSent = window.fetch.bind(window);
        window.fetch = (resource, init) => {
          window.__sent.push(((init && init.method) || 'GET') + ' ' + new URL(resource, location.href).pathname);
          return fetchAsSent(resource, init);
        };
        """;

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

    /// <summary>The box that shows a new API key, once.</summary>
    public ILocator ApiKeyBox => _page.Locator("#api-key-box");

    public ILocator ApiKeyValue => _page.Locator("#api-key-value");

    /// <summary>The box that asks for a pasted environment token when the page gets no session.</summary>
    public ILocator TokenBox => _page.Locator("#token-box");

    /// <summary>Opens the page and waits until it has its session and lists the organizations.</summary>
    public static async Task<AdminPage> OpenAsync(ChromiumBrowser browser, TestEmulator emulator)
    {
        var page = await NavigateAsync(browser, emulator);
        await page.WaitUntilReadyAsync();
        return page;
    }

    /// <summary>Opens a page that gets no session, and waits until it asks for a token.</summary>
    public static async Task<AdminPage> OpenWithoutSessionAsync(ChromiumBrowser browser, TestEmulator emulator)
    {
        var page = await NavigateAsync(browser, emulator);
        await Expect(page.TokenBox).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Pastes <paramref name="token"/> into the token box and waits until the page lists the organizations.</summary>
    public async Task UseTokenAsync(string token)
    {
        await PasteTokenAsync(token);
        await WaitUntilReadyAsync();
        await Expect(TokenBox).ToBeHiddenAsync();
    }

    /// <summary>Pastes <paramref name="token"/> into the token box and submits it.</summary>
    public async Task PasteTokenAsync(string token)
    {
        await _page.FillAsync("#token-input", token);
        await _page.ClickAsync("#token-submit");
    }

    /// <summary>The organizations the page offers, as their option texts.</summary>
    public Task<IReadOnlyList<string>> OrganizationsAsync() => _page.Locator("#organization-select option").AllTextContentsAsync();

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

    /// <summary>Clicks "Revoke" on the secret line that shows <paramref name="suffix"/>, accepts the confirmation and waits until the line is gone; returns the question asked.</summary>
    public async Task<string> RevokeSecretAsync(string clientId, string suffix)
    {
        var count = await Secrets(clientId).CountAsync();
        var question = await AnswerConfirmationAsync(RevokeButton(clientId, suffix), accept: true);
        await Expect(Secrets(clientId)).ToHaveCountAsync(count - 1);
        return question;
    }

    /// <summary>Clicks "Revoke" on the secret line that shows <paramref name="suffix"/> and dismisses the confirmation; returns the question asked.</summary>
    public Task<string> DismissRevokeSecretAsync(string clientId, string suffix) => AnswerConfirmationAsync(RevokeButton(clientId, suffix), accept: false);

    /// <summary>Clicks "Delete" on the client's row, accepts the confirmation and waits until the row is gone; returns the question asked.</summary>
    public async Task<string> DeleteClientAsync(string clientId)
    {
        var question = await AnswerConfirmationAsync(DeleteButton(clientId), accept: true);
        await Expect(Row(clientId)).ToHaveCountAsync(0);
        return question;
    }

    /// <summary>Clicks "Delete" on the client's row and dismisses the confirmation; returns the question asked.</summary>
    public Task<string> DismissDeleteClientAsync(string clientId) => AnswerConfirmationAsync(DeleteButton(clientId), accept: false);

    /// <summary>
    /// The page's <c>fetch</c> calls so far, as <c>METHOD /path</c>, read in a task of its own: whatever a click handler
    /// starts synchronously, such as a request after a confirmation, is in the list.
    /// </summary>
    public async Task<IReadOnlyList<string>> SentAsync() =>
        await _page.EvaluateAsync<string[]>("() => new Promise(resolve => setTimeout(() => resolve(window.__sent), 0))");

    public async ValueTask DisposeAsync() => await _page.Context.CloseAsync();

    private static async Task<AdminPage> NavigateAsync(ChromiumBrowser browser, TestEmulator emulator)
    {
        var page = new AdminPage(await browser.NewPageAsync(), emulator.Address + "/");
        await page._page.AddInitScriptAsync(RecordFetches);
        await page._page.GotoAsync(page._url);
        return page;
    }

    /// <summary>
    /// Fills and submits the API-key form (<paramref name="expiry"/> in UTC, as the page reads it); returns the key's id
    /// and the plain key the page then shows.
    /// </summary>
    public async Task<(string Id, string Key)> CreateApiKeyAsync(string description, string userId = "", string claims = "", DateTimeOffset? expiry = null)
    {
        await _page.FillAsync("#api-key-description", description);
        await _page.FillAsync("#api-key-user", userId);
        await _page.FillAsync("#api-key-claims", claims);
        await _page.FillAsync("#api-key-expiry", expiry is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "");
        await _page.ClickAsync("#api-key-submit");
        await Expect(ApiKeyBox).ToBeVisibleAsync();
        await Expect(ApiKeyValue).ToHaveTextAsync(PlainApiKey());
        var id = await _page.Locator("#api-key-id").TextContentAsync();
        await Expect(ApiKeyRow(id!)).ToBeVisibleAsync();
        return (id!, (await ApiKeyValue.TextContentAsync())!);
    }

    /// <summary>The API key's "I have stored it" button.</summary>
    public async Task ConfirmApiKeyStoredAsync()
    {
        await _page.ClickAsync("#api-key-done");
        await Expect(ApiKeyBox).ToBeHiddenAsync();
    }

    /// <summary>Clicks Copy in the API-key box; returns what the page then says.</summary>
    public async Task<string> CopyApiKeyAsync()
    {
        await _page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await _page.ClickAsync("#api-key-copy");
        await Expect(_page.Locator("#api-key-copied")).Not.ToBeEmptyAsync();
        return await _page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
    }

    public ILocator ApiKeyRow(string id) => _page.Locator($"tr[data-api-key-id=\"{id}\"]");

    /// <summary>The cells of the API key's row, as their texts.</summary>
    public Task<IReadOnlyList<string>> ApiKeyCellsAsync(string id) => ApiKeyRow(id).Locator("td").AllInnerTextsAsync();

    /// <summary>Clicks "Invalidate" on the key's row, accepts the confirmation and waits until the row is gone; returns the question asked.</summary>
    public async Task<string> InvalidateApiKeyAsync(string id)
    {
        var question = await AnswerConfirmationAsync(InvalidateButton(id), accept: true);
        await Expect(ApiKeyRow(id)).ToHaveCountAsync(0);
        return question;
    }

    /// <summary>Clicks "Invalidate" on the key's row and dismisses the confirmation; returns the question asked.</summary>
    public Task<string> DismissInvalidateApiKeyAsync(string id) => AnswerConfirmationAsync(InvalidateButton(id), accept: false);

    private ILocator InvalidateButton(string id) => ApiKeyRow(id).GetByRole(AriaRole.Button, new() { Name = "Invalidate" });

    private ILocator RevokeButton(string clientId, string suffix) =>
        Secrets(clientId).Filter(new() { HasText = "…" + suffix }).GetByRole(AriaRole.Button, new() { Name = "Revoke" });

    private ILocator DeleteButton(string clientId) => Row(clientId).GetByRole(AriaRole.Button, new() { Name = "Delete" });

    /// <summary>Clicks <paramref name="button"/>, which must ask a <c>confirm()</c> question, and answers it.</summary>
    private async Task<string> AnswerConfirmationAsync(ILocator button, bool accept)
    {
        var asked = new TaskCompletionSource<IDialog>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnDialog(object? sender, IDialog dialog) => asked.TrySetResult(dialog);
        _page.Dialog += OnDialog;
        try
        {
            var click = button.ClickAsync();
            var dialog = await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            dialog.Type.Should().Be(DialogType.Confirm);
            await (accept ? dialog.AcceptAsync() : dialog.DismissAsync());
            await click;
            return dialog.Message;
        }
        finally
        {
            _page.Dialog -= OnDialog;
        }
    }

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

    [GeneratedRegex("^skapi_[A-Za-z0-9_-]{43}$")]
    private static partial Regex PlainApiKey();
}
