using Ratsworkflow.Testing;

namespace Ratsworkflow.Reliability.Tests.Harness;

/// <summary>
/// Azurite, maildev with its one <see cref="MailFeed"/>, and the app's settings: the documented environment variables
/// only (docs/design.md §5 "Configuration"), so the app runs as it would be deployed. Apps are started by the test, as many
/// and as often as it needs, all on the same storage.
/// </summary>
public sealed class Stack : IAsyncDisposable
{
    public const string ClerkToken = "zuverlaessigkeit-ratsbuero-token-0123456789abcdef";

    private readonly string? _seedFile;

    private Stack(Azurite storage, MailDev mailDev, string? seedFile)
    {
        Storage = storage;
        MailDev = mailDev;
        Mail = new MailFeed(mailDev);
        _seedFile = seedFile;
    }

    public Azurite Storage { get; }
    public MailDev MailDev { get; }
    public MailFeed Mail { get; }

    /// <param name="restartableStorage">Azurite on disk, so it can be stopped and started again (outage test).</param>
    /// <param name="seedFile">An organizations file instead of the shipped sample (<c>Organizations__SeedFile</c>).</param>
    public static async Task<Stack> StartAsync(bool restartableStorage = false, string? seedFile = null)
    {
        var storage = Azurite.StartAsync(inMemory: !restartableStorage);
        var mail = MailDev.StartAsync();
        await Task.WhenAll(storage, mail);
        return new Stack(storage.Result, mail.Result, seedFile);
    }

    public static Uri FreeUrl() => new($"http://127.0.0.1:{ChildProcess.FreeTcpPort()}/");

    public Task<AppProcess> StartAppAsync(Uri baseUrl) => AppProcess.StartAsync(baseUrl, Settings(baseUrl), TimeSpan.FromMinutes(2));

    public async ValueTask DisposeAsync()
    {
        await Mail.DisposeAsync();
        await MailDev.DisposeAsync();
        await Storage.DisposeAsync();
    }

    private Dictionary<string, string?> Settings(Uri baseUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["App__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/'),
            ["Storage__ConnectionString"] = Storage.ConnectionString,
            ["Email__Provider"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A killed process leaves its mail claims behind; the next attempt takes them over after this long
            // (default 3 minutes, which would only make the crash test slow, not different).
            ["Email__Idempotency__ClaimTimeout"] = "00:00:15",
            ["Clerks__ApiToken"] = ClerkToken,
            // All clients of a test come from 127.0.0.1: the per-client limits would count them as one person.
            ["RateLimits__submission__PermitLimit"] = "100000000",
            ["RateLimits__token__PermitLimit"] = "100000000",
            ["RateLimits__signin__PermitLimit"] = "100000000",
            ["Workflow__CommandWait"] = "00:00:05",
            ["extensions__durableTask__storageProvider__maxQueuePollingInterval"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Warning",
            // One line per mail sent: which process did the work (two-process test).
            ["Logging__LogLevel__Ratsworkflow.Functions.Email.SmtpEmailTransport"] = "Information",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        if (_seedFile is not null)
        {
            settings["Organizations__SeedFile"] = _seedFile;
        }
        return settings;
    }
}
