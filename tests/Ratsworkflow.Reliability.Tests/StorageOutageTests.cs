using System.Diagnostics;
using Ratsworkflow.Reliability.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Reliability.Tests;

/// <summary>Issue 5, storage outage: Azurite stopped for 30 s in the middle of a run, then started again.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output)
{
    private const int Motions = 30;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Workflow_StorageDownForThirtySeconds_RequestsGet503AndEveryMotionCompletesAfterwards()
    {
        var started = Stopwatch.StartNew();
        await using var stack = await Stack.StartAsync(restartableStorage: true);
        var url = Stack.FreeUrl();
        await using var app = await stack.StartAppAsync(url);
        using var api = new Api(_ => url, Stack.ClerkToken);
        var journeys = Journeys.Plan(Motions, api, stack.Mail);
        var run = Journeys.RunAsync(journeys, atOnce: Motions);
        while (journeys.Count(j => j.MotionId is not null) < Motions / 2 && !run.IsCompleted)
        {
            await Task.Delay(100);
        }
        var inFlight = journeys.First(j => j.MotionId is not null);

        await stack.Storage.StopGracefullyAsync();
        output.WriteLine($"{started.Elapsed:mm\\:ss} Speicher gestoppt");
        using var probe = new OutageProbe(url, inFlight.MotionId!);
        using (var outage = new CancellationTokenSource(Outage))
        {
            await probe.RunAsync(outage.Token);
        }
        await stack.Storage.StartAgainAsync();
        output.WriteLine($"{started.Elapsed:mm\\:ss} Speicher wieder gestartet");
        await run;

        var problems = await Verdict.ProblemsAsync(journeys);
        foreach (var answer in probe.Answers)
        {
            output.WriteLine($"  {answer.Path}: {answer.Status} {answer.ContentType} Retry-After {answer.RetryAfter} „{answer.Title}“ in {answer.Took.TotalSeconds:0.0} s");
        }
        output.WriteLine($"{Motions} Anträge, {api.Unavailable.Count} 503 an die Clients, {api.Retries} wiederholte Anfragen, {started.Elapsed:mm\\:ss}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var apiAnswers = probe.Answers.Where(a => a.Path.Contains(" /api/", StringComparison.Ordinal)).ToList();
        var pageAnswers = probe.Answers.Except(apiAnswers).ToList();
        // The first probe may still be answered from what the app holds in memory; after that storage is needed.
        Assert.Contains(apiAnswers, a => a.Status == 503);
        Assert.All(apiAnswers.Where(a => a.Status != 200), a =>
        {
            Assert.Equal(503, a.Status);
            Assert.Equal("application/problem+json", a.ContentType);
            Assert.Equal("Vorübergehend nicht verfügbar", a.Title);
            Assert.Contains("nicht erreichbar", a.Detail, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(a.RetryAfter), "Retry-After fehlt");
        });
        Assert.Contains(pageAnswers, a => a.Status == 503);
        Assert.All(pageAnswers.Where(a => a.Status != 200), a =>
        {
            Assert.Equal(503, a.Status);
            Assert.Equal("text/html", a.ContentType);
            Assert.False(string.IsNullOrEmpty(a.RetryAfter), "Retry-After fehlt");
        });
    }
}
