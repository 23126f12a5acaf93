using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Benchmarks;

/// <summary>A fresh in-memory Azurite, with the pids of its node processes (one per service) for CPU figures.</summary>
internal sealed class Storage : IAsyncDisposable
{
    private Storage(Azurite azurite) => Azurite = azurite;

    public Azurite Azurite { get; }
    public int[] Pids => [.. Azurite.ProcessIds];
    public string ConnectionString => Azurite.ConnectionString;

    public static async Task<Storage> StartAsync()
    {
        var azurite = await Azurite.StartAsync(inMemory: true);
        return new Storage(azurite);
    }

    /// <summary>
    /// The raw cost of storage on this machine: <paramref name="writes"/> single-entity upserts (the size of a motion
    /// index row) at the given concurrency against this Azurite, straight from this process. Returns requests/s.
    /// </summary>
    public async Task<(double PerSecond, TimeSpan Took)> RawWritesAsync(int writes, int concurrency)
    {
        var watch = Stopwatch.StartNew();
        await RawUpsertsAsync(writes, concurrency);
        return (writes / watch.Elapsed.TotalSeconds, watch.Elapsed);
    }

    /// <summary>
    /// The same upserts, each one timed (ms): <paramref name="concurrency"/> clients released at one moment, each
    /// writing until <paramref name="writes"/> are done; writes = concurrency is one burst (everyone at once).
    /// </summary>
    public async Task<List<double>> RawUpsertsAsync(int writes, int concurrency)
    {
        var table = new TableClient(ConnectionString, "BenchRaw");
        await table.CreateIfNotExistsAsync();
        var next = -1;
        var run = Guid.NewGuid().ToString("N")[..8];
        var times = new List<double>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await start.Task;
            int i;
            while ((i = Interlocked.Increment(ref next)) < writes)
            {
                var sent = Stopwatch.GetTimestamp();
                await table.UpsertEntityAsync(new TableEntity("p" + (i % 64), run + i)
                {
                    ["MotionId"] = Guid.NewGuid().ToString("N"),
                    ["Title"] = "Integrationskonzept für das Quartier am Holtenser Berg",
                    ["Stage"] = "BeiratReview",
                    ["Status"] = "Abstimmung im Integrationsrat läuft",
                    ["CreatedAt"] = DateTimeOffset.UtcNow,
                }, TableUpdateMode.Replace);
                var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                lock (times)
                {
                    times.Add(ms);
                }
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(clients);
        return times;
    }

    /// <summary>One page of an index partition, read directly: what the dashboard's storage call costs without the app.</summary>
    public static async Task<double> RawPageMsAsync(TableClient index, string partition, int pageSize = 50)
    {
        var watch = Stopwatch.StartNew();
        await foreach (var page in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: pageSize).AsPages(null, pageSize))
        {
            _ = page.Values.Count;
            break;
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    public static async Task<double> RawPointReadMsAsync(TableClient table, string partition, string row)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await table.GetEntityIfExistsAsync<TableEntity>(partition, row);
        }
        catch (RequestFailedException)
        {
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    public async ValueTask DisposeAsync() => await Azurite.DisposeAsync();
}
