using Microsoft.Playwright;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>
/// One headless Chromium for a test collection. Playwright cannot download its own browsers here, so this runs
/// Debian's Chromium (<c>apt-get install chromium</c>, done by ./scripts/setup.sh --browser); RW_CHROMIUM overrides the
/// path. Playwright's driver comes from its NuGet package, so nothing is fetched at run time either.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";

    // --no-sandbox: containers and CI run as root, where Chromium's sandbox refuses to start. The rest keeps the
    // browser from phoning home (no network here) and makes start-up quicker.
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;

    private BrowserHost(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<BrowserHost> StartAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("RW_CHROMIUM") is { Length: > 0 } path ? path : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {chromium}. Run ./scripts/setup.sh --browser (apt-get install chromium) or set RW_CHROMIUM.");
        }
        // Belt and braces: no code path here installs browsers, but if one ever did, it must not try the network.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = Arguments,
                Timeout = 60_000,
            });
            return new BrowserHost(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright.Dispose();
    }
}
