using System.Diagnostics;
using System.Text.RegularExpressions;
using Ratsworkflow.Reliability.Tests.Harness;
using Ratsworkflow.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Reliability.Tests;

/// <summary>Issue 5, two processes on the same storage share 99 motions (competing consumers).</summary>
[Collection(ReliabilityCollection.Name)]
public sealed partial class TwoProcessTests(ITestOutputHelper output)
{
    // A full council agenda: the council decides every motion on the day it is scheduled (today: a meeting cannot lie
    // before a motion's registration, a result not before its meeting), and an agenda holds at most 99 TOPs.
    private const int Motions = 99;

    [Fact]
    public async Task Workflow_TwoAppProcessesShare99Motions_EachDecidedOnceAndBothWorked()
    {
        var started = Stopwatch.StartNew();
        await using var stack = await Stack.StartAsync();
        var urls = new[] { Stack.FreeUrl(), Stack.FreeUrl() };
        await using var first = await stack.StartAppAsync(urls[0]);
        await using var second = await stack.StartAppAsync(urls[1]);
        // Every other call to each process: a motion's steps land on both.
        using var api = new Api(call => urls[call % 2], Stack.ClerkToken);
        var journeys = Journeys.Plan(Motions, api, stack.Mail);

        await Journeys.RunAsync(journeys);

        var problems = await Verdict.ProblemsAsync(journeys);
        var mails = await stack.Mail.SettledAsync();
        var ours = journeys.Select(j => j.MotionId).ToHashSet();
        // One decision mail per recipient and motion (faction, clerks, everyone involved).
        var decisionMails = mails.Where(m => ours.Contains(m.MotionId) && m.Key.Contains(":decided-", StringComparison.Ordinal))
            .SelectMany(m => m.To.Select(to => (m.MotionId, to))).GroupBy(x => x).ToList();
        var sentBy = new[] { first, second }.Select(app => SentMail().Count(app.Output)).ToList();
        output.WriteLine($"{Motions} Anträge auf 2 Prozessen: Mails gesendet von Prozess 1: {sentBy[0]}, Prozess 2: {sentBy[1]}; {mails.Count} Mails, {Verdict.Duplicates(mails)} doppelt; {started.Elapsed:mm\\:ss}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(journeys, j => Assert.True(decisionMails.Any(g => g.Key.MotionId == j.MotionId), $"Antrag {j.Plan.Number}: keine Beschlussmail"));
        Assert.All(decisionMails, g => Assert.True(g.Count() == 1, $"{g.Key.to} bekam {g.Count()} Beschlussmails zu {g.Key.MotionId}"));
        Assert.Equal(0, Verdict.Duplicates(mails));
        Assert.All(sentBy, count => Assert.True(count > 0, "A process sent no mail: it did none of the workflow's work."));
    }

    [GeneratedRegex("sent via SMTP")]
    private static partial Regex SentMail();
}
