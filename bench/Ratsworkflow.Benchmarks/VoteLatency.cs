using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// <c>POST /api/votes/{token}</c> latency with N concurrent voters (each vote answers once the workflow has counted
/// it), and the time from the deciding vote to the Beirat's result mails being handed to the transport.
/// </summary>
internal static class VoteLatency
{
    public static async Task RunAsync(Options options, MailSink mail, Report report)
    {
        var voters = options.Voters;
        var motionsPerRun = options.Quick ? voters : Math.Max(voters, 50);
        var all = new List<double>();
        var single = new List<double>();
        var toFirstMail = new List<double>();
        var toAllMails = new List<double>();
        var over15 = 0;
        var accepted = 0L;
        for (var run = 0; run < options.Runs; run++)
        {
            await using var session = await Session.StartAsync(mail, overrides: options.AppSettings);
            var driver = session.Driver;
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
            await ForEachAsync(Enumerable.Range(0, motionsPerRun), 20, async _ => prepared.Add(await driver.SubmitToBeiratAsync()));
            // Round-robin: the i-th vote of every motion before the (i+1)-th, so concurrent voters mostly vote on different motions.
            var motions = prepared.ToList();
            var queue = new ConcurrentQueue<(string Id, int Vote, string Token)>(
                Enumerable.Range(0, MotionDriver.VotingMembers).SelectMany(v => motions.Select(m => (m.Id, v, m.Tokens[v]))));
            var answers = new ConcurrentBag<(string Id, Timed Answer)>();
            await Task.WhenAll(Enumerable.Range(0, voters).Select(async _ =>
            {
                while (queue.TryDequeue(out var vote))
                {
                    var answer = await session.Api.VoteAsync(vote.Token, MotionDriver.Choices[vote.Vote]);
                    answers.Add((vote.Id, answer));
                }
            }));
            all.AddRange(answers.Select(a => a.Answer.Ms));
            over15 += answers.Count(a => a.Answer.Ms > 15_000);
            accepted += session.Api.Accepted;

            foreach (var group in answers.GroupBy(a => a.Id))
            {
                var deciding = group.MaxBy(a => a.Answer.AnsweredTicks).Answer;
                var results = await mail.WaitAsync(group.Key, m => m.Kind is "members" or "faction" or "clerks" && m.ReceivedTicks > deciding.SentTicks, 13);
                toFirstMail.Add(Stopwatch.GetElapsedTime(deciding.AnsweredTicks, results.Min(r => r.ReceivedTicks)).TotalMilliseconds);
                toAllMails.Add(Stopwatch.GetElapsedTime(deciding.AnsweredTicks, results.Max(r => r.ReceivedTicks)).TotalMilliseconds);
            }
        }
        report.Add("latency", "POST /api/votes, 1 voter alone (p50 / p95)", $"{Report.Ms(Stats.Median(single))} / {Report.Ms(Stats.Percentile(single, 95))}", $"n={single.Count}");
        report.Add("latency", $"POST /api/votes, {voters} concurrent voters: p50 / p95 / p99",
            $"{Report.Ms(Stats.Median(all))} / {Report.Ms(Stats.Percentile(all, 95))} / {Report.Ms(Stats.Percentile(all, 99))}",
            $"n={all.Count} votes on {motionsPerRun} motions per run, {options.Runs} run(s); {over15} took > 15 s (default CommandWait → 202), {accepted} not acknowledged within 2 min");
        report.Add("latency", "deciding vote answered → first / all 13 result mails at the transport (p50)",
            $"{Report.Ms(Stats.Median(toFirstMail))} / {Report.Ms(Stats.Median(toAllMails))}", $"p95 {Report.Ms(Stats.Percentile(toFirstMail, 95))} / {Report.Ms(Stats.Percentile(toAllMails, 95))}, under the same load");
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
