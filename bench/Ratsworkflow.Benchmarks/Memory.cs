using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Peak working set (VmHWM) of the app while it holds many motions in flight: submitted and confirmed through the
/// API until each waits in Beirat review (orchestration started, vote links out, timers set).
/// </summary>
internal static class Memory
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        await using var session = await Session.StartAsync(mail, overrides: options.AppSettings);
        var pid = session.App.Pid;
        report.Add("memory", "app working set after start (VmRSS)", $"{Machine.WorkingSetMiB(pid):F0} MiB");
        var target = options.MemoryMotions;
        var done = 0;
        var next = 0;
        var watch = Stopwatch.StartNew();
        var stopped = false;
        var checkpoints = new SortedSet<int> { 1_000, 2_500, 5_000, 10_000, 20_000, target };
        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            while (!stopped && Interlocked.Increment(ref next) <= target)
            {
                var (id, _) = await session.Driver.SubmitToBeiratAsync();
                session.Mail.Forget(id);
                var count = Interlocked.Increment(ref done);
                if (checkpoints.Contains(count))
                {
                    var rate = count / watch.Elapsed.TotalSeconds;
                    report.Add("memory", $"{count:N0} motions waiting in Beirat review: peak working set (VmHWM)", $"{Machine.PeakWorkingSetMiB(pid):F0} MiB",
                        $"VmRSS {Machine.WorkingSetMiB(pid):F0} MiB; reached after {watch.Elapsed.TotalSeconds:F0} s ({rate:F1} motions/s)");
                }
                else if (count % 500 == 0)
                {
                    Console.WriteLine($"    {count:N0} motions in Beirat review after {watch.Elapsed.TotalSeconds:F0} s, VmHWM {Machine.PeakWorkingSetMiB(pid):F0} MiB");
                    if (watch.Elapsed > options.LoadBudget)
                    {
                        stopped = true;
                    }
                }
            }
        }));
        if (stopped)
        {
            report.Add("memory", $"stopped at {done:N0} of {target:N0} motions", $"{Machine.PeakWorkingSetMiB(pid):F0} MiB",
                $"time budget ({(options.LoadBudget).TotalMinutes:F0} min) spent; see the rate above");
        }
        // After the load: does the process give memory back while the motions wait?
        await Task.Delay(TimeSpan.FromSeconds(10));
        report.Add("memory", $"{done:N0} motions waiting, 10 s idle: VmRSS / VmHWM", $"{Machine.WorkingSetMiB(pid):F0} / {Machine.PeakWorkingSetMiB(pid):F0} MiB");
    }
}
