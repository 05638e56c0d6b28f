using Microsoft.Playwright;

namespace Scalekit.AspNetCore.Tests.Framework;

/// <summary>
/// Debian's Chromium, driven by Playwright. Playwright never downloads a browser here: it launches this executable.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string InstallHint =
        $"Chromium is not installed ({ExecutablePath} is missing). Install it as root with " +
        "`apt-get update && apt-get install -y chromium` to run the browser tests (admin page, API explorer).";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>On CI (<c>CI=true</c>) a missing browser fails the browser tests instead of skipping them.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run",
        ],
    };
}

/// <summary>A fact that needs Chromium: skipped with how to install it when it is missing, except on CI, where it fails.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsCi)
        {
            Skip = Chromium.InstallHint;
        }
    }
}

/// <summary>One Chromium for the tests of a class, launched on first use (so a skipped class never launches it).</summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task<IPage> NewPageAsync()
    {
        var browser = await GetAsync();
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }

    private async Task<IBrowser> GetAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                if (!Chromium.IsInstalled)
                {
                    throw new InvalidOperationException($"CI=true, so the browser tests must run, but {Chromium.InstallHint}");
                }

                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
            }

            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }
}
