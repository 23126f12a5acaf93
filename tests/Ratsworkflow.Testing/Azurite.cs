namespace Ratsworkflow.Testing;

/// <summary>
/// A real Azurite (npm) on free ports, owned by one test run. Its data lives in a temporary folder, so it can be
/// stopped and started again (storage-outage tests) without losing what was committed. Blob, queue and table service
/// run as three processes (Azurite's <c>azurite-blob</c>, <c>azurite-queue</c>, <c>azurite-table</c>): each is one Node
/// thread, and one process for all three made the engine's queue polling and the app's table work wait for each other
/// on one core (docs/benchmarks.md, "Ninth session").
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location = Path.Combine(Path.GetTempPath(), "rw-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly bool _inMemory;
    private readonly List<ChildProcess> _processes = [];

    private Azurite(bool inMemory)
    {
        _inMemory = inMemory;
        BlobPort = ChildProcess.FreeTcpPort();
        QueuePort = ChildProcess.FreeTcpPort();
        TablePort = ChildProcess.FreeTcpPort();
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>Its node processes (one, or one per service), e.g. for CPU figures.</summary>
    public IReadOnlyList<int> ProcessIds => _processes.Select(p => p.Id).ToList();

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <param name="inMemory">Faster, but the data is gone when it stops; use false to stop and restart it.</param>
    public static async Task<Azurite> StartAsync(bool inMemory = true)
    {
        for (var attempt = 1; ; attempt++)
        {
            var azurite = new Azurite(inMemory);
            try
            {
                await azurite.StartAgainAsync();
                return azurite;
            }
            catch (Exception e) when (attempt < 3 && e is InvalidOperationException or TimeoutException)
            {
                // A free port can be taken by another test process between the check and Azurite's bind (the
                // parallel test projects all start Azurites): start again on new ports.
                azurite.Stop();
            }
        }
    }

    /// <summary>Set to 1, Azurite runs as one process for all three services, as before (to compare figures).</summary>
    public const string OneProcessVariable = "AZURITE_ONE_PROCESS";

    public async Task StartAgainAsync()
    {
        Directory.CreateDirectory(_location);
        (string Service, int Port)[] services = [("blob", BlobPort), ("queue", QueuePort), ("table", TablePort)];
        var processes = Environment.GetEnvironmentVariable(OneProcessVariable) == "1" ? [("", services)] : services.Select(s => ("-" + s.Service, new[] { s }));
        foreach (var (suffix, served) in processes)
        {
            // Without telemetry, because azurite-table's process does not end after its server closed with it on.
            var args = new List<string> { "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry" };
            foreach (var (service, port) in served)
            {
                args.AddRange([$"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString()]);
            }
            // In-memory is faster; a folder lets a test stop and restart Azurite without losing data.
            args.AddRange(_inMemory ? ["--inMemoryPersistence"] : ["--location", _location]);
            var process = ChildProcess.Start(RepositoryPaths.NodeBin("azurite" + suffix), args);
            _processes.Add(process);
            foreach (var (_, port) in served)
            {
                await ChildProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(120), process);
            }
        }
    }

    /// <summary>
    /// Stops Azurite the way a service stops: SIGINT (azurite-table saves on SIGINT only), so it writes its data to disk
    /// first. (Killing it would lose up to five seconds of committed writes — its autosave interval — which no real
    /// storage account does.)
    /// </summary>
    public async Task StopGracefullyAsync()
    {
        if (!_inMemory)
        {
            await Task.WhenAll(_processes.Select(p => p.TerminateAsync(TimeSpan.FromSeconds(30), "INT")));
        }
        Stop();
    }

    public void Stop()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }
        _processes.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
