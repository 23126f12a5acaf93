using System.Diagnostics;
using Ratsworkflow.Reliability.Tests.Harness;
using Ratsworkflow.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Reliability.Tests;

/// <summary>
/// Issue 5, crash: the app is killed hard (whole process tree, no shutdown code) at random moments while 100 motions
/// run, and started again on the same storage. Clients retry what got no answer.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Motions = 100;
    private const int Kills = 5;

    [Fact]
    public async Task Workflow_AppKilledRepeatedlyDuringHundredMotions_EveryMotionDecidedWithNothingLostOrDoubled()
    {
        var started = Stopwatch.StartNew();
        await using var stack = await Stack.StartAsync();
        var url = Stack.FreeUrl();
        var app = await stack.StartAppAsync(url);
        using var api = new Api(_ => url, Stack.ClerkToken);
        var journeys = Journeys.Plan(Motions, api, stack.Mail);
        var run = Journeys.RunAsync(journeys);

        var kills = 0;
        List<string> problems;
        try
        {
            // Random moments, but all of them while the motions run: a kill after the last decision proves nothing.
            var random = new Random();
            while (kills < Kills && !run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(random.Next(3, 9))));
                if (run.IsCompleted)
                {
                    break;
                }
                app.KillHard();
                await app.DisposeAsync();
                kills++;
                output.WriteLine($"{started.Elapsed:mm\\:ss} Prozess beendet ({kills}.), starte neu");
                app = await stack.StartAppAsync(url);
            }
            await run;
            // Read while the last process still runs: the verdict asks the API.
            problems = await Verdict.ProblemsAsync(journeys);
        }
        finally
        {
            await app.DisposeAsync();
        }

        var mails = await stack.Mail.SettledAsync();
        var duplicates = Verdict.Duplicates(mails);
        output.WriteLine($"{Motions} Anträge, {kills} Abstürze, {api.Retries} wiederholte Anfragen, {mails.Count} Mails, {duplicates} doppelte Mails, {started.Elapsed:mm\\:ss}");
        Assert.True(kills >= 4, $"Only {kills} kills happened while the motions ran; the test proved too little.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // At-least-once only in the window between the SMTP server's answer and the ledger write (milliseconds): a
        // crash duplicates the mails that were inside it, measured 2–4 per 5 crashes at ~23 mails/s. The bound catches
        // a broken ledger (it would resend hundreds) without failing on a crash that happens to hit three sends.
        Assert.True(duplicates <= 3 * kills, $"{duplicates} duplicate mails after {kills} crashes.");
    }
}
