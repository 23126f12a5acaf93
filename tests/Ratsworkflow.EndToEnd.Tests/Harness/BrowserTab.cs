using Microsoft.Playwright;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>
/// A fresh browser context (own cookies, own storage) with one page: cheap to make, so every test gets its own and
/// tests cannot leak sign-ins or anti-forgery cookies into each other. Dispose it (<c>await using</c>).
/// It records console errors and page errors, which is where CSP violations show up.
/// </summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly List<string> _consoleErrors = [];

    private BrowserTab(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_consoleErrors) { _consoleErrors.Add(message.Text); }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_consoleErrors) { _consoleErrors.Add(error); }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get { lock (_consoleErrors) { return [.. _consoleErrors]; } }
    }

    public static async Task<BrowserTab> OpenAsync(IBrowser browser, Uri baseUrl, Viewport viewport, bool javaScript)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsMobile,
            HasTouch = viewport.IsMobile,
            DeviceScaleFactor = viewport.Scale,
        });
        // Fail fast: a page of this app that needs more than ten seconds is a bug, not a reason to wait.
        context.SetDefaultTimeout(10_000);
        return new BrowserTab(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
