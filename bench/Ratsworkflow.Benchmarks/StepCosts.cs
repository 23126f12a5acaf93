using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Storage requests of each step of a motion, as Azurite sees them through the counting proxy: one motion at a time,
/// each window closed when its traffic has settled. Engine = the task hub's tables, queues and blobs (DurableTask.AzureStorage,
/// <see cref="TaskHub"/>); app = motions, index, tokens, ballots, email ledger, references, organizations. What the
/// engine polls while nothing happens is counted in every window too; <see cref="IdleCost"/> measures it alone.
/// </summary>
internal static class StepCosts
{
    public sealed record Result(double RequestsPerMotion, double WorkRequestsPerMotion);

    private static readonly string[] Windows =
    [
        "submit (API, mail)", "confirm → registered, 7 vote links out", "vote (1 of 7, not deciding)",
        "deciding vote → Beirat result out, consultation begun", "schedule committee", "committee result",
        "schedule council", "council result → decided, decision mails out", "whole motion",
    ];

    public static async Task<Result> RunAsync(Options options, MailSink mail, Report report)
    {
        await using var session = await Session.StartAsync(mail, countRequests: true, options.AppSettings);
        var tally = session.Proxy!.Tally;
        var api = session.Api;
        var driver = session.Driver;
        // Warm-up: tables created, catalog loaded, JIT done.
        if (!options.Quick)
        {
            await driver.RunAsync();
        }
        await SettleAsync(tally);

        var samples = Windows.ToDictionary(w => w, _ => new List<TallySnapshot>());
        var pollsBefore = 0L;
        var motions = options.Quick ? 1 : 3;
        for (var m = 0; m < motions; m++)
        {
            var start = tally.Snapshot();
            var mark = start;
            async Task Close(string window)
            {
                await SettleAsync(tally);
                var now = tally.Snapshot();
                samples[window].Add(now - mark);
                mark = now;
            }
            var id = await api.SubmitAsync(MotionDriver.NewTitle());
            var confirmation = await mail.WaitAsync(id, x => x.Kind == "confirm");
            await Close(Windows[0]);
            await api.ConfirmAsync(id, confirmation[0].Token!);
            var tokens = (await mail.WaitAsync(id, x => x.Kind.StartsWith("vote-", StringComparison.Ordinal), MotionDriver.VotingMembers))
                .OrderBy(v => v.Kind, StringComparer.Ordinal).Select(v => v.Token!).ToList();
            await Close(Windows[1]);
            for (var v = 0; v < MotionDriver.VotingMembers - 1; v++)
            {
                await api.VoteAsync(tokens[v], MotionDriver.Choices[v]);
                await Close(Windows[2]);
            }
            pollsBefore = api.MotionReads;
            await api.VoteAsync(tokens[^1], MotionDriver.Choices[^1]);
            await driver.AwaitBeiratResultAsync(id);
            await Close(Windows[3]);
            var polls = api.MotionReads - pollsBefore;
            var today = Api.TodayInBerlin();
            await api.ScheduleAsync(id, MotionDriver.CommitteeId, today);
            await Close(Windows[4]);
            await api.ResultAsync(id, MotionDriver.CommitteeId, "approved");
            await Close(Windows[5]);
            await api.ScheduleAsync(id, MotionDriver.CouncilId, today);
            await Close(Windows[6]);
            await api.ResultAsync(id, MotionDriver.CouncilId, "approved");
            await mail.WaitAsync(id, x => x.Kind == "decided-involved");
            await Close(Windows[7]);
            samples[Windows[8]].Add(tally.Snapshot() - start);
            report.Add("cost", $"motion {m + 1}: benchmark's own stage polls (GET /api/motions/{{id}})", polls.ToString(System.Globalization.CultureInfo.InvariantCulture), "each is 1 Motions query; included below");
        }

        foreach (var window in Windows)
        {
            var runs = samples[window];
            var total = Stats.Median(runs.Select(r => (double)r.Total));
            var engine = Stats.Median(runs.Select(r => (double)r.Engine));
            var polling = Stats.Median(runs.Select(r => (double)r.Requests.Where(q => q.Key.IsPolling).Sum(q => q.Value)));
            report.Add("cost", $"requests: {window}", $"{total:F0} (engine {engine:F0}, app {total - engine:F0})", $"of which engine polling {polling:F0} (queue receives, lease renewals); median of {runs.Count}");
        }
        foreach (var window in Windows)
        {
            var typical = samples[window].OrderBy(r => r.Total).ElementAt(samples[window].Count / 2);
            report.Detail($"Requests by resource and operation — {window}", typical.Lines());
        }
        var whole = samples[Windows[8]];
        var perMotion = Stats.Median(whole.Select(r => (double)r.Total));
        var work = Stats.Median(whole.Select(r => (double)r.Requests.Where(q => !q.Key.IsPolling).Sum(q => q.Value)));
        return new Result(perMotion, work);
    }

    /// <summary>Waits until nothing but the engine's polling happened for 400 ms (queue receives and lease renewals go on).</summary>
    public static async Task SettleAsync(RequestTally tally)
    {
        var quietSince = Stopwatch.StartNew();
        var last = WorkCount(tally.Snapshot());
        while (quietSince.ElapsedMilliseconds < 400)
        {
            await Task.Delay(50);
            var now = WorkCount(tally.Snapshot());
            if (now != last)
            {
                last = now;
                quietSince.Restart();
            }
        }
    }

    private static long WorkCount(TallySnapshot s) => s.Requests.Where(r => !r.Key.IsPolling).Sum(r => r.Value);
}
