namespace Ratsworkflow.Benchmarks;

/// <summary>Fresh storage and a freshly started app for one measurement, optionally behind the counting proxy.</summary>
internal sealed class Session : IAsyncDisposable
{
    private Session(Storage storage, StorageProxy? proxy, AppUnderTest app, MailSink mail)
    {
        Storage = storage;
        Proxy = proxy;
        App = app;
        Mail = mail;
        Api = new Api(app.BaseUrl);
        Driver = new MotionDriver(Api, mail);
    }

    public Storage Storage { get; }
    public StorageProxy? Proxy { get; }
    public AppUnderTest App { get; }
    public MailSink Mail { get; }
    public Api Api { get; }
    public MotionDriver Driver { get; }

    public static async Task<Session> StartAsync(MailSink mail, bool countRequests = false, IDictionary<string, string?>? overrides = null)
    {
        mail.Clear();
        var storage = await Storage.StartAsync();
        var proxy = countRequests ? StorageProxy.Start(storage.Azurite, new RequestTally(), TaskHub.Name(overrides)) : null;
        var app = await AppUnderTest.StartAsync(proxy?.ConnectionString ?? storage.ConnectionString, mail, overrides);
        return new Session(storage, proxy, app, mail);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await App.DisposeAsync();
        KeepAppLog(App);
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        await Storage.DisposeAsync();
        Mail.Clear();
    }

    /// <summary>
    /// The app logs warnings and errors only; when it logged any, they go to artifacts/bench/app-logs, so a failed or
    /// slow run can be explained afterwards (which storage call timed out, what the engine complained about).
    /// </summary>
    public static void KeepAppLog(AppUnderTest app)
    {
        var output = app.Output;
        if (!output.Contains("fail:", StringComparison.Ordinal) && !output.Contains("warn:", StringComparison.Ordinal) && !output.Contains("crit:", StringComparison.Ordinal))
        {
            return;
        }
        var folder = Path.Combine(Ratsworkflow.Testing.RepositoryPaths.Root, "artifacts", "bench", "app-logs");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{app.Pid}.log");
        File.WriteAllText(file, output);
        Console.WriteLine($"    the app logged warnings or errors: {file}");
    }
}
