using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// What the running app costs while nothing happens: N motions wait in Beirat review (orchestrations started, vote
/// links out, deadline and reminder timers set), no request comes in, and the counting proxy counts every storage
/// request per minute. The engine polls its control queues and work-item queue (backing off to
/// <c>maxQueuePollingInterval</c>) and renews its partition leases; the app's periodic work runs once a minute.
/// On Azure Storage each of these requests is billed, so this is the floor of the storage bill.
/// </summary>
internal static class IdleCost
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        foreach (var waiting in options.IdleMotions)
        {
            await using var session = await Session.StartAsync(mail, countRequests: true, options.AppSettings);
            var tally = session.Proxy!.Tally;
            await VoteLatency.ForEachAsync(Enumerable.Range(0, waiting), 20, async _ =>
            {
                var (id, _) = await session.Driver.SubmitToBeiratAsync();
                session.Mail.Forget(id);
            });
            await StepCosts.SettleAsync(tally);
            // Let the pollers' back-off reach its ceiling before counting.
            await Task.Delay(TimeSpan.FromSeconds(3));
            var appCpu = new CpuMeter(session.App.Pid);
            var storageCpu = new CpuMeter(session.Storage.Pids);
            var before = tally.Snapshot();
            var watch = Stopwatch.StartNew();
            await Task.Delay(options.IdleWindow);
            var idle = tally.Snapshot() - before;
            var minutes = watch.Elapsed.TotalMinutes;
            var polling = idle.Requests.Where(r => r.Key.IsPolling).Sum(r => r.Value);
            report.Add("idle", $"{waiting} motions waiting, no traffic: storage requests per minute", $"{idle.Total / minutes:F0}",
                $"engine {idle.Engine / minutes:F0} (of which polling {polling / minutes:F0}), app {idle.App / minutes:F0}; " +
                $"CPU app {appCpu.Cores:F2} / Azurite {storageCpu.Cores:F2} cores; over {watch.Elapsed.TotalSeconds:F0} s");
            report.Detail($"Storage requests per idle minute by resource and operation — {waiting} motions waiting", idle.Lines(minutes));
        }
    }
}
