using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Recovery after a crash: N motions in Beirat review get all seven votes (round-robin, so every motion's deciding
/// vote comes last and every one is being counted and closed at once), the app is killed hard (SIGKILL) right after
/// the last vote was answered, and a new process starts at once on the same storage. A motion counts as interrupted
/// when its Beirat result mails were not all out at the kill; it has advanced when its first result mail reaches the
/// transport after the restart. The dead process's partition leases must expire (<c>ratsworkflow:engine:leases</c>)
/// and the messages it had taken must become visible again (the queues' visibility timeouts) before its work resumes.
/// </summary>
internal static class Recovery
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        var (startup, first, all, complete) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var (interruptedTotal, motionsTotal, duplicates) = (0, 0, 0);
        for (var run = 0; run < options.Runs; run++)
        {
            mail.Clear();
            await using var storage = await Storage.StartAsync();
            var motions = await VoteAndKillAsync(storage, options, mail);
            var interrupted = motions.Where(m => ResultMails(mail.MailsOf(m)).Count() < MotionDriver.BeiratResultMails).ToList();
            var restarted = Stopwatch.GetTimestamp();
            await using var app = await AppUnderTest.StartAsync(storage.ConnectionString, mail, options.AppSettings);
            var results = await Task.WhenAll(interrupted.Select(m => ResultsAsync(mail, m)));
            double Since(long ticks) => Stopwatch.GetElapsedTime(restarted, ticks).TotalMilliseconds;
            var advanced = results.Select(r => r.Where(m => m.ReceivedTicks > restarted).Min(m => m.ReceivedTicks)).ToList();
            startup.Add(app.Startup.TotalMilliseconds);
            if (advanced.Count > 0)
            {
                first.Add(Since(advanced.Min()));
                all.Add(Since(advanced.Max()));
                complete.Add(Since(results.Max(r => r.Max(m => m.ReceivedTicks))));
            }
            // Every motion must go on to consultation, each result mail sent once (the idempotency ledger).
            using var api = new Api(app.BaseUrl);
            await Task.WhenAll(motions.Select(m => api.WaitForStageAsync(m, "Consultation", TimeSpan.FromMinutes(2))));
            duplicates += motions.Sum(m => mail.MailsOf(m).Count - mail.MailsOf(m).Select(x => (x.Step, x.Kind, x.To)).Distinct().Count());
            Session.KeepAppLog(app);
            interruptedTotal += interrupted.Count;
            motionsTotal += motions.Count;
            Console.WriteLine($"    run {run + 1}: {interrupted.Count} of {motions.Count} interrupted; all advanced {Report.Ms(all.LastOrDefault())} after the restart");
        }
        var per = $"median of {options.Runs} run(s)";
        report.Add("recovery", "motions interrupted by kill -9 (Beirat result not all out)", $"{interruptedTotal} of {motionsTotal}", $"all 7 votes each answered, killed right after the last; {options.Runs} run(s)");
        report.Add("recovery", "restart → GET /api/health 200", Report.Ms(Stats.Median(startup)), per);
        report.Add("recovery", "restart → first interrupted motion advances (a result mail out)", Report.Ms(Stats.Median(first)), $"{per}; runs: {string.Join(", ", first.Select(Report.Ms))}");
        report.Add("recovery", "restart → every interrupted motion advanced (goal ≤ 30 s)", Report.Ms(Stats.Median(all)), $"{per}; runs: {string.Join(", ", all.Select(Report.Ms))}");
        report.Add("recovery", "restart → all their result mails out", Report.Ms(Stats.Median(complete)), $"{per}; then every motion reached Consultation; duplicate mails: {duplicates}");
    }

    /// <summary>The Beirat result's mails: those of the step that wrote to the members (faction and clerks get mails of other steps too).</summary>
    private static IEnumerable<SinkMail> ResultMails(IReadOnlyList<SinkMail> mails)
    {
        var steps = mails.Where(m => m.Kind == "members").Select(m => m.Step).ToHashSet();
        return mails.Where(m => MotionDriver.IsBeiratResult(m) && steps.Contains(m.Step));
    }

    /// <summary>Waits for the members' result mails (the step sends them first), then for all of that step's.</summary>
    private static async Task<IReadOnlyList<SinkMail>> ResultsAsync(MailSink mail, string motionId)
    {
        var wait = TimeSpan.FromMinutes(5);
        var members = await mail.WaitAsync(motionId, m => m.Kind == "members", MotionDriver.VotingMembers, wait);
        var step = members[0].Step;
        return await mail.WaitAsync(motionId, m => m.Step == step && MotionDriver.IsBeiratResult(m), MotionDriver.BeiratResultMails, wait);
    }

    /// <summary>Brings the motions to Beirat review, casts every vote and kills the app; returns the motion ids.</summary>
    private static async Task<List<string>> VoteAndKillAsync(Storage storage, Options options, MailSink mail)
    {
        await using var app = await AppUnderTest.StartAsync(storage.ConnectionString, mail, options.AppSettings);
        using var api = new Api(app.BaseUrl);
        var driver = new MotionDriver(api, mail);
        var prepared = new List<(string Id, IReadOnlyList<string> Tokens)>();
        await VoteLatency.ForEachAsync(Enumerable.Range(0, options.RecoveryMotions), 20, async _ =>
        {
            var motion = await driver.SubmitToBeiratAsync();
            lock (prepared)
            {
                prepared.Add(motion);
            }
        });
        var votes = Enumerable.Range(0, MotionDriver.VotingMembers).SelectMany(v => prepared.Select(m => (m.Tokens[v], MotionDriver.Choices[v])));
        await VoteLatency.ForEachAsync(votes, 20, vote => api.VoteAsync(vote.Item1, vote.Item2));
        app.KillHard();
        Session.KeepAppLog(app);
        return prepared.Select(m => m.Id).ToList();
    }
}
