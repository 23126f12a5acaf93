using System.Diagnostics;
using System.Globalization;
using Ratsworkflow.Functions.Meetings;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Motions per minute through the whole workflow with N motions in flight (N independent "clerk + faction + Beirat"
/// loops, each starting its next motion when the last is decided). Each run starts on empty storage and a fresh app;
/// afterwards the same number of raw table writes as the motions cost (from <see cref="StepCosts"/>) runs against the
/// same Azurite at the same concurrency, so the ratio cancels the machine's speed.
/// </summary>
internal static class Throughput
{
    /// <summary>Motions run one after another before the measured ones, so the hot paths are compiled (tiered JIT).</summary>
    private const int WarmUps = 3;

    public static async Task RunAsync(Options options, MailSink mail, Report report, StepCosts.Result? cost)
    {
        foreach (var inFlight in options.InFlight)
        {
            // Every motion of a run meets the council today (a meeting cannot lie before the registration, a result not
            // before the meeting), and one agenda holds at most 99 TOPs, the warm-up motions' included. One motion in
            // flight runs 20: six (before the eighth session) took 6 s and measured mostly the app's JIT warming up.
            var warmUps = options.Quick ? 0 : WarmUps;
            var total = Math.Min(options.Quick ? inFlight : inFlight switch { 1 => 20, <= 10 => 40, _ => 2 * inFlight }, Agenda.MaxItems - warmUps);
            var rates = new List<double>();
            var latencies = new List<double>();
            var appCpu = new List<double>();
            var storageCpu = new List<double>();
            var benchCpu = new List<double>();
            var ratios = new List<double>();
            var accepted = 0L;
            var unavailable = 0L;
            var polls = new List<double>();
            for (var run = 0; run < options.Runs; run++)
            {
                await using var session = await Session.StartAsync(mail, overrides: options.AppSettings);
                for (var w = 0; w < warmUps; w++)
                {
                    await session.Driver.RunAsync(); // warm-up, not counted
                }
                var appMeter = new CpuMeter(session.App.Pid);
                var storageMeter = new CpuMeter(session.Storage.Pids);
                var benchMeter = new CpuMeter(Environment.ProcessId);
                var pollsBefore = session.Api.MotionReads;
                var next = 0;
                var durations = new List<double>();
                var watch = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
                {
                    while (Interlocked.Increment(ref next) <= total)
                    {
                        var took = await session.Driver.RunAsync();
                        lock (durations)
                        {
                            durations.Add(took.TotalMilliseconds);
                        }
                    }
                }));
                var elapsed = watch.Elapsed;
                accepted += session.Api.Accepted;
                unavailable += session.Api.Unavailable;
                polls.Add((session.Api.MotionReads - pollsBefore) / (double)total);
                appCpu.Add(appMeter.Cores);
                storageCpu.Add(storageMeter.Cores);
                benchCpu.Add(benchMeter.Cores);
                rates.Add(total / elapsed.TotalMinutes);
                latencies.AddRange(durations);
                if (cost is not null)
                {
                    var writes = (int)Math.Round(cost.WorkRequestsPerMotion * total);
                    var (_, took) = await session.Storage.RawWritesAsync(writes, inFlight);
                    ratios.Add(elapsed.TotalSeconds / took.TotalSeconds);
                }
                Console.WriteLine($"    run {run + 1}: {total} motions, {inFlight} in flight: {elapsed.TotalSeconds:F1} s");
            }
            report.Add("throughput", $"{inFlight} in flight: API calls answered 202 (not acknowledged within 2 min) / 503 (retried)",
                $"{accepted.ToString(CultureInfo.InvariantCulture)} / {unavailable.ToString(CultureInfo.InvariantCulture)}", "503: a storage call of the app's took over its 10 s network timeout (InteractiveRetry)");
            report.Add("throughput", $"{inFlight} in flight: motions per minute (median of {rates.Count} runs)", rates.Count == 0 ? "-" : Stats.Median(rates).ToString("F1", CultureInfo.InvariantCulture),
                $"{total} motions per run; runs: {string.Join(", ", rates.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}");
            report.Add("throughput", $"{inFlight} in flight: one motion, submit → decision mails (p50 / p95)", $"{Report.Ms(Stats.Median(latencies))} / {Report.Ms(Stats.Percentile(latencies, 95))}");
            report.Add("throughput", $"{inFlight} in flight: benchmark's own stage polls per motion (median of runs)", Stats.Median(polls).ToString("F1", CultureInfo.InvariantCulture),
                "GET /api/motions/{id} while waiting for Consultation; each is 1 Motions query");
            report.Add("throughput", $"{inFlight} in flight: CPU app / Azurite / benchmark (cores, of {Environment.ProcessorCount})", $"{Stats.Median(appCpu):F2} / {Stats.Median(storageCpu):F2} / {Stats.Median(benchCpu):F2}");
            if (ratios.Count > 0)
            {
                report.Add("throughput", $"{inFlight} in flight: workflow time ÷ time of the same number of raw table writes", $"{Stats.Median(ratios):F1}×",
                    $"{cost!.WorkRequestsPerMotion:F0} requests/motion (w/o queue receives) as raw upserts at concurrency {inFlight}");
            }
        }
    }
}
