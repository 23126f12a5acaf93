using System.Diagnostics;
using Ratsworkflow.Reliability.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Reliability.Tests;

/// <summary>Issue 5, concurrency: every member of a 25-member Beirat votes at the same moment.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrentVoteTests(ITestOutputHelper output)
{
    private const int Members = 25;

    /// <summary>12 yes, 8 no, 5 abstain: no choice reaches more than half (13), so the vote closes only with the 25th.</summary>
    private static readonly string[] Choices =
        [.. Enumerable.Repeat("yes", 12), .. Enumerable.Repeat("no", 8), .. Enumerable.Repeat("abstain", 5)];

    [Fact]
    public async Task Vote_AllTwentyFiveMembersAtOnce_EveryVoteCountedOnce()
    {
        var started = Stopwatch.StartNew();
        var seed = SeedFiles.WithBeiratOf(Members);
        await using var stack = await Stack.StartAsync(seedFile: seed);
        var url = Stack.FreeUrl();
        await using var app = await stack.StartAppAsync(url);
        using var api = new Api(_ => url, Stack.ClerkToken);
        var plan = new MotionPlan(1, Choices, new Votes(9, 2, 0), new Votes(30, 5, 1), "approved");
        var journey = new MotionJourney(api, stack.Mail, plan, votingMembers: Members);
        await journey.SubmitAndConfirmAsync();
        var tokens = await journey.VoteTokensAsync();

        // Every vote waits at the barrier, then all are sent in the same instant.
        using var barrier = new Barrier(Members);
        var answers = await Task.WhenAll(tokens.Select((token, i) => Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await api.PostAsync($"api/votes/{token}", new { choice = Choices[i] });
        })));

        var motion = await journey.ReadAsync();
        var until = DateTime.UtcNow.AddMinutes(2);
        while (MotionJourney.Stage(motion) == "BeiratReview" && DateTime.UtcNow < until)
        {
            await Task.Delay(300);
            motion = await journey.ReadAsync();
        }
        var history = motion.GetProperty("history").EnumerateArray().Select(h => (Type: h.GetProperty("type").GetString(), Text: h.GetProperty("text").GetString())).ToList();
        output.WriteLine($"{Members} Stimmen gleichzeitig, in {history.Count(h => h.Type == "vote")} Zählungen gezählt: {string.Join(", ", answers.GroupBy(a => (int)a.Status).Select(g => $"{g.Count()}× {g.Key}"))}; Beirat {motion.GetProperty("beirat")}; {started.Elapsed:mm\\:ss}");
        Assert.All(answers, a => Assert.True(a.Accepted, $"{(int)a.Status} {a.Text}"));
        var beirat = motion.GetProperty("beirat");
        Assert.Equal(new Votes(12, 8, 5), new Votes(beirat.GetProperty("yes").GetInt32(), beirat.GetProperty("no").GetInt32(), beirat.GetProperty("abstain").GetInt32()));
        Assert.Equal("recommends", beirat.GetProperty("outcome").GetString(), ignoreCase: true);
        // Counted in batches: at most one count per vote, and one result.
        Assert.InRange(history.Count(h => h.Type == "vote"), 1, Members);
        Assert.Single(history, h => h.Type == "beiratResult");
        File.Delete(seed);
    }
}
