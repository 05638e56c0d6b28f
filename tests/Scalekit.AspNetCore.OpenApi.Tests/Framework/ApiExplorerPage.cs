using Microsoft.Playwright;
using Scalekit.AspNetCore.Tests.Framework;

namespace Scalekit.AspNetCore.OpenApi.Tests.Framework;

/// <summary>
/// The examples' API explorer (Scalar, at <c>/scalar/</c>) in a real browser, driven as a developer would: every request
/// that leaves for a host other than 127.0.0.1 is refused and recorded (<see cref="External"/>), so the page is
/// proven to work offline.
/// </summary>
public sealed class ApiExplorerPage
{
    private readonly IPage _page;
    private readonly List<string> _external = [];

    private ApiExplorerPage(IPage page) => _page = page;

    /// <summary>Requests the page tried to send to another host than 127.0.0.1.</summary>
    public IReadOnlyList<string> External => _external;

    public IPage Page => _page;

    public static async Task<ApiExplorerPage> OpenAsync(ChromiumBrowser browser, ApiExplorerSite site)
    {
        var explorer = new ApiExplorerPage(await browser.NewPageAsync());
        await explorer._page.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == "127.0.0.1")
            {
                await route.ContinueAsync();
            }
            else
            {
                explorer._external.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        await explorer._page.GotoAsync(site.Origin + "/scalar/");
        await explorer._page.GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).WaitForAsync();
        return explorer;
    }

    /// <summary>Fills the client-credentials form of the Scalekit scheme, clicks Authorize and waits for the token.</summary>
    public async Task AuthorizeAsync(string clientId, string clientSecret)
    {
        await _page.GetByRole(AriaRole.Combobox, new() { Name = "Client ID" }).ClickAsync();
        await _page.Keyboard.TypeAsync(clientId);
        await _page.GetByLabel("Client Secret").FillAsync(clientSecret);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Clear tokens" }).WaitForAsync();
    }

    /// <summary>
    /// Opens the operation's "Test Request" client, sends it and returns the status the API answered the browser;
    /// the client stays open, showing the answer.
    /// </summary>
    public async Task<int> SendAsync(string tag, string method, string path)
    {
        var tagButton = _page.GetByRole(AriaRole.Button, new() { Name = tag, Exact = true });
        var link = _page.Locator($"a[href='#tag/{tag.ToLowerInvariant()}/{method}/{path.TrimStart('/')}']");
        // Scalar may still be rendering, and may open the first tag by itself: wait for the link or the tag's button
        // before deciding whether to open the tag (a bare IsVisibleAsync answers at once, racing the render).
        await link.Or(tagButton).First.WaitForAsync();
        if (!await link.IsVisibleAsync())
        {
            await tagButton.ClickAsync();
        }

        await link.ClickAsync();
        await _page.Locator("button.show-api-client-button", new() { HasText = $"({method.ToLowerInvariant()} {path})" }).ClickAsync();
        var response = await _page.RunAndWaitForResponseAsync(
            () => _page.GetByRole(AriaRole.Button, new() { Name = $"Send {method.ToLowerInvariant()} request to" }).First.ClickAsync(),
            r => r.Request.Method == method && new Uri(r.Url).AbsolutePath.TrimEnd('/').EndsWith(path, StringComparison.Ordinal));
        return response.Status;
    }

    /// <summary>Closes the request client.</summary>
    public Task CloseClientAsync() => _page.Keyboard.PressAsync("Escape");
}
