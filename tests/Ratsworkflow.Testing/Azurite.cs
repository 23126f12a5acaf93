namespace Ratsworkflow.Testing;

/// <summary>
/// A real Azurite (npm) on free ports, owned by one test run. Its data lives in a temporary folder, so it can be
/// stopped and started again (storage-outage tests) without losing what was committed.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly string _location = Path.Combine(Path.GetTempPath(), "rw-azurite-" + Guid.NewGuid().ToString("N"));
    private readonly bool _inMemory;
    private ChildProcess? _process;

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

    public async Task StartAgainAsync()
    {
        Directory.CreateDirectory(_location);
        var args = new List<string>
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", BlobPort.ToString(), "--queuePort", QueuePort.ToString(), "--tablePort", TablePort.ToString(),
        };
        // In-memory is faster; a folder lets a test stop and restart Azurite without losing data.
        args.AddRange(_inMemory ? ["--inMemoryPersistence"] : ["--location", _location]);
        _process = ChildProcess.Start(RepositoryPaths.NodeBin("azurite"), args);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            await ChildProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(120), _process);
        }
    }

    /// <summary>
    /// Stops Azurite the way a service stops: SIGTERM, so it writes its data to disk first. (Killing it would lose up to
    /// five seconds of committed writes — its autosave interval — which no real storage account does.)
    /// </summary>
    public async Task StopGracefullyAsync()
    {
        if (_process is not null && !_inMemory)
        {
            await _process.TerminateAsync(TimeSpan.FromSeconds(30));
        }
        Stop();
    }

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
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
