using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.EndToEnd.Tests.Harness;

/// <summary>
/// Everything an end-to-end test needs, started once per test collection: Azurite, maildev, the real app as a child
/// process wired to both, and a headless Chromium. Tests open a <see cref="BrowserTab"/> each
/// (<see cref="OpenAsync"/>) or talk HTTP directly (<see cref="Http"/>).
/// For another configuration (e.g. deadlines of seconds), derive from it, override <see cref="Configure"/> and give the
/// subclass its own collection.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    private Azurite? _storage;
    private MailDev? _mail;
    private AppProcess? _app;
    private BrowserHost? _browser;

    /// <summary>Chosen once Azurite, maildev and Chromium run, so none of them can hold the port meanwhile.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The bearer token the app accepts for clerk API calls.</summary>
    public string ClerkApiToken { get; } = "e2e-" + Guid.NewGuid().ToString("N");

    public Azurite Storage => _storage ?? throw NotStarted();

    /// <summary>The mailbox every mail of the app goes to; read it with <c>WaitForAsync</c>.</summary>
    public MailDev Mail => _mail ?? throw NotStarted();

    public AppProcess App => _app ?? throw NotStarted();

    /// <summary>Plain HTTP to the app: no cookies, no redirects followed, so tests see exactly what the server sent.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A new, isolated browser tab at <paramref name="path"/>; dispose it when done.</summary>
    public async Task<BrowserTab> OpenAsync(string path = "/", Viewport? viewport = null, bool javaScript = true)
    {
        var tab = await NewTabAsync(viewport, javaScript);
        await tab.Page.GotoAsync(path);
        return tab;
    }

    /// <summary>A new, isolated, empty browser tab: for tests that need the navigation's response (status code).</summary>
    public Task<BrowserTab> NewTabAsync(Viewport? viewport = null, bool javaScript = true) =>
        BrowserTab.OpenAsync((_browser ?? throw NotStarted()).Browser, BaseUrl, viewport ?? Viewport.Desktop, javaScript);

    public async Task InitializeAsync()
    {
        try
        {
            // Independent, each a second or two: start them side by side.
            // On disk (a temp folder): Azurite refuses --inMemoryPersistence together with the --location that
            // Ratsworkflow.Testing always passes.
            var storage = Azurite.StartAsync(inMemory: false);
            var mail = MailDev.StartAsync();
            var browser = BrowserHost.StartAsync();
            await Task.WhenAll(storage, mail, browser);
            (_storage, _mail, _browser) = (storage.Result, mail.Result, browser.Result);
            BaseUrl = new Uri($"http://127.0.0.1:{ChildProcess.FreeTcpPort()}/");

            var settings = new Dictionary<string, string?>
            {
                // Production: the visitor's error pages, not the developer exception page.
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["App__PublicBaseUrl"] = BaseUrl.ToString().TrimEnd('/'),
                ["Storage__ConnectionString"] = _storage.ConnectionString,
                ["Email__Provider"] = "Smtp",
                ["Email__Smtp__Host"] = "127.0.0.1",
                ["Email__Smtp__Port"] = _mail.SmtpPort.ToString(),
                ["Clerks__ApiToken"] = ClerkApiToken,
                ["Web__PatternLibrary"] = "true",
                ["Logging__LogLevel__Default"] = "Warning",
                // Every browser of the suite comes from 127.0.0.1: the per-client limits for links and the form would
                // count all tests as one person. (Sign-in keeps its real limit; see Harness/Clerks.cs.)
                ["RateLimits__token__PermitLimit"] = "100000",
                ["RateLimits__submission__PermitLimit"] = "100000",
                // The workflow reacts within a fifth of a second instead of up to one, so journeys through it stay quick.
                ["extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.200",
            };
            Configure(settings);
            _app = await AppProcess.StartAsync(BaseUrl, settings, TimeSpan.FromSeconds(90));
            Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUrl };
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        // Each may be missing when start-up failed half-way; each is stopped even if another one throws.
        await DisposeQuietlyAsync(_browser);
        await DisposeQuietlyAsync(_app);
        await DisposeQuietlyAsync(_mail);
        await DisposeQuietlyAsync(_storage);
    }

    /// <summary>Add or change the app's settings (environment variables, <c>Section__Key</c>) before it starts.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    private static InvalidOperationException NotStarted() => new("The end-to-end fixture has not started (see the first test's error).");

    private static async Task DisposeQuietlyAsync(IAsyncDisposable? resource)
    {
        try
        {
            if (resource is not null)
            {
                await resource.DisposeAsync();
            }
        }
        catch (Exception)
        {
            // Shutting down: the next resource must still be stopped.
        }
    }
}
