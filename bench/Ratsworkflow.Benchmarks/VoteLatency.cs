using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// <c>POST /api/votes/{token}</c> latency with N Beirat members voting (the vote is stored in the ballot and answered;
/// the orchestrator counts afterwards), side by side with raw single-entity upserts into the same Azurite at the same
/// concurrency, so the ratio cancels the machine's speed and load. Two shapes:
/// <list type="bullet">
/// <item>at one moment: N votes (one on each of N motions) released together, seven times — the measure;</item>
/// <item>steady: N voters each voting again as soon as answered, 7 × N votes round-robin — the shape of the earlier
/// sessions' figure (2.05 s p95 when a vote waited for the orchestrator).</item>
/// </list>
/// Before each measured batch the app and Azurite are left to fall quiet, so a batch does not pay for the orchestrator
/// still counting the last one. Also: the time from the deciding vote to the Beirat's result mails.
/// </summary>
internal static class VoteLatency
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        var voters = options.Voters;
        var motionsPerSet = options.Quick ? voters : Math.Max(voters, 50);
        var single = new List<double>();
        var (burst, burstRaw, steady, steadyRaw) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var toFirstMail = new List<double>();
        var toAllMails = new List<double>();
        var profiles = new List<(TallySnapshot Requests, int Votes)>();
        var unavailable = 0L;
        for (var run = 0; run < options.Runs; run++)
        {
            await using var session = await Session.StartAsync(mail, countRequests: options.Profile, options.AppSettings);
            var driver = session.Driver;
            int[] pids = [session.App.Pid, .. session.Storage.Pids];
            if (!options.Quick)
            {
                await driver.RunAsync(); // warm-up
            }

            // Baseline: one voter alone, seven votes in a row on one motion.
            var (soloId, soloTokens) = await driver.SubmitToBeiratAsync();
            for (var v = 0; v < soloTokens.Count; v++)
            {
                single.Add((await session.Api.VoteAsync(soloTokens[v], MotionDriver.Choices[v])).Ms);
            }

            var prepared = new ConcurrentBag<(string Id, IReadOnlyList<string> Tokens)>();
            await ForEachAsync(Enumerable.Range(0, 2 * motionsPerSet), 20, async _ => prepared.Add(await driver.SubmitToBeiratAsync()));
            var steadySet = prepared.Take(motionsPerSet).ToList();
            var burstSet = prepared.Skip(motionsPerSet).ToList();

            // At one moment: the v-th vote of N motions, all released together; the same number of raw upserts just before.
            for (var v = 0; v < MotionDriver.VotingMembers; v++)
            {
                await Quiet.WaitAsync(pids);
                burstRaw.AddRange(await session.Storage.RawUpsertsAsync(voters, voters));
                await Quiet.WaitAsync(pids);
                var before = session.Proxy?.Tally.Snapshot();
                var answers = await CastAsync(session.Api, burstSet.Take(voters).Select(m => (m.Id, v, m.Tokens[v])), voters);
                burst.AddRange(answers.Select(a => a.Answer.Ms));
                if (before is not null)
                {
                    profiles.Add((session.Proxy!.Tally.Snapshot() - before, answers.Count));
                }
            }

            // Steady: N voters, round-robin (the i-th vote of every motion before the (i+1)-th), as in earlier sessions.
            await Quiet.WaitAsync(pids);
            steadyRaw.AddRange(await session.Storage.RawUpsertsAsync(steadySet.Count * MotionDriver.VotingMembers, voters));
            await Quiet.WaitAsync(pids);
            var steadyAnswers = await CastAsync(session.Api,
                Enumerable.Range(0, MotionDriver.VotingMembers).SelectMany(v => steadySet.Select(m => (m.Id, v, m.Tokens[v]))), voters);
            steady.AddRange(steadyAnswers.Select(a => a.Answer.Ms));
            foreach (var group in steadyAnswers.GroupBy(a => a.Id))
            {
                var deciding = group.MaxBy(a => a.Answer.AnsweredTicks).Answer;
                var results = await mail.WaitAsync(group.Key, m => MotionDriver.IsBeiratResult(m) && m.ReceivedTicks > deciding.SentTicks, MotionDriver.BeiratResultMails);
                toFirstMail.Add(Stopwatch.GetElapsedTime(deciding.AnsweredTicks, results.Min(r => r.ReceivedTicks)).TotalMilliseconds);
                toAllMails.Add(Stopwatch.GetElapsedTime(deciding.AnsweredTicks, results.Max(r => r.ReceivedTicks)).TotalMilliseconds);
            }
            unavailable += session.Api.Unavailable;
        }
        var behind = (unavailable > 0 ? $"; {unavailable} answered 503 and were sent again" : "") +
            (options.Profile ? "; app behind the counting proxy (--profile): slower than without" : "");
        report.Add("latency", "POST /api/votes, 1 voter alone (p50 / p95)", $"{Report.Ms(Stats.Median(single))} / {Report.Ms(Stats.Percentile(single, 95))}", $"n={single.Count}{behind}");
        AddPair(report, $"{voters} at one moment", burst, burstRaw, $"7 batches of {voters} per run, {options.Runs} run(s){behind}");
        AddPair(report, $"{voters} voting steadily", steady, steadyRaw, $"{7 * motionsPerSet} votes on {motionsPerSet} motions per run, round-robin{behind}");
        report.Add("latency", "deciding vote answered → first / all 13 result mails at the transport (p50)",
            $"{Report.Ms(Stats.Median(toFirstMail))} / {Report.Ms(Stats.Median(toAllMails))}", $"p95 {Report.Ms(Stats.Percentile(toFirstMail, 95))} / {Report.Ms(Stats.Percentile(toAllMails, 95))}; steady voting");
        if (profiles.Count > 0)
        {
            VoteProfile.Add(report, $"{voters} at one moment", profiles);
        }
    }

    private static void AddPair(Report report, string shape, List<double> votes, List<double> raw, string note)
    {
        report.Add("latency", $"POST /api/votes, {shape}: p50 / p95 / p99", Percentiles(votes), $"n={votes.Count}; {note}");
        report.Add("latency", $"raw Azurite upsert, {shape}, same Azurite: p50 / p95 / p99", Percentiles(raw), $"n={raw.Count}, single-entity upserts from the benchmark, measured just before the votes");
        report.Add("latency", $"vote ÷ raw upsert, {shape} (p50 / p95)",
            $"{Stats.Median(votes) / Stats.Median(raw):F1}× / {Stats.Percentile(votes, 95) / Stats.Percentile(raw, 95):F1}×");
    }

    private static string Percentiles(List<double> values) =>
        $"{Report.Ms(Stats.Median(values))} / {Report.Ms(Stats.Percentile(values, 95))} / {Report.Ms(Stats.Percentile(values, 99))}";

    /// <summary>Casts the votes with <paramref name="concurrency"/> voters released at one moment, each voting again when answered.</summary>
    private static async Task<List<(string Id, Timed Answer)>> CastAsync(Api api, IEnumerable<(string Id, int Vote, string Token)> votes, int concurrency)
    {
        var queue = new ConcurrentQueue<(string Id, int Vote, string Token)>(votes);
        var answers = new List<(string Id, Timed Answer)>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var voters = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await start.Task;
            while (queue.TryDequeue(out var vote))
            {
                var answer = await api.VoteAsync(vote.Token, MotionDriver.Choices[vote.Vote]);
                lock (answers)
                {
                    answers.Add((vote.Id, answer));
                }
            }
        }).ToList();
        start.SetResult();
        await Task.WhenAll(voters);
        return answers;
    }

    public static async Task ForEachAsync<T>(IEnumerable<T> items, int concurrency, Func<T, Task> body)
    {
        var queue = new ConcurrentQueue<T>(items);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (queue.TryDequeue(out var item))
            {
                await body(item);
            }
        }));
    }
}
