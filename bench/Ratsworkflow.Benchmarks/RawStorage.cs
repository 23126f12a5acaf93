namespace Ratsworkflow.Benchmarks;

/// <summary>Azurite's own limit on this machine: single-entity upserts from one client at several concurrencies.</summary>
internal static class RawStorage
{
    public static async Task RunAsync(Options options, Report report)
    {
        await using var storage = await Storage.StartAsync();
        await storage.RawWritesAsync(options.Quick ? 100 : 500, 4); // warm-up
        foreach (var concurrency in new[] { 1, 10, 100 })
        {
            var rates = new List<double>();
            var cpu = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                var meter = new CpuMeter(storage.Pids);
                var (rate, _) = await storage.RawWritesAsync(options.Quick ? 200 : 5_000, concurrency);
                rates.Add(rate);
                cpu.Add(meter.Cores);
            }
            report.Add("raw storage", $"Azurite: single-entity upserts, concurrency {concurrency}", $"{Stats.Median(rates):F0} req/s", $"Azurite CPU {Stats.Median(cpu):F2} cores");
        }
    }
}
