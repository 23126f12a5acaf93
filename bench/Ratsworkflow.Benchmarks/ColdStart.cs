namespace Ratsworkflow.Benchmarks;

/// <summary>Process start to the first 200 of <c>GET /api/health</c>, against storage that already holds the catalog.</summary>
internal static class ColdStart
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        await using var storage = await Storage.StartAsync();
        // The very first start seeds the organization catalog; it is not what a restart costs.
        await using (var first = await AppUnderTest.StartAsync(storage.ConnectionString, mail, options.AppSettings))
        {
            report.Add("cold start", "first start on empty storage (seeds the catalog)", Report.Ms(first.Startup.TotalMilliseconds));
        }
        var times = new List<double>();
        var memory = new List<double>();
        for (var i = 0; i < (options.Quick ? 1 : 7); i++)
        {
            await using var app = await AppUnderTest.StartAsync(storage.ConnectionString, mail, options.AppSettings);
            times.Add(app.Startup.TotalMilliseconds);
            await Task.Delay(500);
            memory.Add(Machine.WorkingSetMiB(app.Pid));
        }
        report.Add("cold start", "process start → first GET /api/health 200 (median)", Report.Ms(Stats.Median(times)),
            $"n={times.Count}, min {Report.Ms(times.Min())}, max {Report.Ms(times.Max())}");
        report.Add("cold start", "working set 0.5 s after start (median)", $"{Stats.Median(memory):F0} MiB");
    }
}
