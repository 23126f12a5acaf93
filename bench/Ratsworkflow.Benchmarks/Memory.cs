using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Peak working set (VmHWM) of the app while it holds many motions in flight: submitted and confirmed through the
/// API until each waits in Beirat review (orchestration started, vote links out, timers set). The app runs behind the
/// counting proxy, so every 500 motions show what the load rate is spent on: Azurite's time per motion by request kind.
/// </summary>
internal static class Memory
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        await using var session = await Session.StartAsync(mail, countRequests: true, options.AppSettings);
        var intervals = new List<string>();
        var mark = (Snapshot: session.Proxy!.Tally.Snapshot(), Done: 0, At: TimeSpan.Zero);
        var pid = session.App.Pid;
        report.Add("memory", "app working set after start (VmRSS)", $"{Machine.WorkingSetMiB(pid):F0} MiB");
        var target = options.MemoryMotions;
        var done = 0;
        var next = 0;
        var watch = Stopwatch.StartNew();
        var stopped = false;
        var checkpoints = new SortedSet<int> { 1_000, 2_500, 5_000, 10_000, 20_000, target };
        var step = target >= 5_000 ? 500 : 100;
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
                if (count % step == 0)
                {
                    lock (intervals)
                    {
                        var now = (Snapshot: session.Proxy.Tally.Snapshot(), Done: count, At: watch.Elapsed);
                        intervals.Add(Interval(now.Snapshot - mark.Snapshot, now.Done - mark.Done, now.At - mark.At, count));
                        Console.WriteLine("    " + intervals[^1] + $"; VmHWM {Machine.PeakWorkingSetMiB(pid):F0} MiB");
                        mark = now;
                    }
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
        report.Detail($"Memory load: each {step} motions to Beirat review — rate, storage requests and Azurite's time per motion, the kinds that took most", intervals);
        // After the load: does the process give memory back while the motions wait?
        await Task.Delay(TimeSpan.FromSeconds(10));
        report.Add("memory", $"{done:N0} motions waiting, 10 s idle: VmRSS / VmHWM", $"{Machine.WorkingSetMiB(pid):F0} / {Machine.PeakWorkingSetMiB(pid):F0} MiB");
    }

    private static string Interval(TallySnapshot requests, int motions, TimeSpan took, int upTo)
    {
        var work = requests.Requests.Where(r => !r.Key.IsPolling).ToList();
        double Ms(KeyValuePair<RequestKind, long> r) => r.Value * requests.MeanMs(r.Key);
        var top = work.OrderByDescending(Ms).Take(4)
            .Select(r => $"{r.Key.Resource} {r.Key.Operation} {r.Value / (double)motions:F1}×{requests.MeanMs(r.Key):F0} ms");
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"up to {upTo,6:N0}: {motions / took.TotalSeconds,4:F1} motions/s, {work.Sum(r => r.Value) / (double)motions,4:F0} requests and {work.Sum(Ms) / motions,5:F0} ms of Azurite per motion; most: {string.Join(", ", top)}");
    }
}
