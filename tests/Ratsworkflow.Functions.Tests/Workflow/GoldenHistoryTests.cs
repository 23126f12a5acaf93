using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// Motions in flight must survive a deploy: histories of real motions, recorded from the engine's storage, are replayed
/// against the current orchestrator. A change that would break them fails here, naming both steps. Set
/// RW_UPDATE_GOLDEN=1 to record anew (only together with a new orchestrator version, never to make this test pass).
/// </summary>
public sealed class GoldenHistoryTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "Ratsworkflow.Functions.Tests", "Workflow", "Golden");

    public static TheoryData<string> Histories() => new(Directory.GetFiles(GoldenFolder, "*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Histories))]
    public void Replay_RecordedMotion_MatchesTheCurrentOrchestrator(string file)
    {
        var history = GoldenHistory.Parse(File.ReadAllText(Path.Combine(GoldenFolder, file)));

        var actions = GoldenHistory.Replay(GoldenHistory.Orchestrator(), history);

        Assert.True(history.Count(e => e is TaskScheduledEvent) >= 5, "A golden history should cover a whole motion.");
        Assert.DoesNotContain(actions, a => a is OrchestrationCompleteOrchestratorAction { OrchestrationStatus: OrchestrationStatus.Failed });
        var ended = history.OfType<ExecutionCompletedEvent>().SingleOrDefault();
        if (ended is not null)
        {
            // Replayed to its end, the code ends the way the recorded run did.
            var end = Assert.Single(actions.OfType<OrchestrationCompleteOrchestratorAction>());
            Assert.Equal((ended.OrchestrationStatus, ended.Result), (end.OrchestrationStatus, end.Result));
        }
    }

    [Fact]
    public void Replay_HistoryWithAnotherStep_FailsNamingBothSteps()
    {
        var file = Directory.GetFiles(GoldenFolder, "*.json").Order().First();
        var history = GoldenHistory.Parse(File.ReadAllText(file));
        var scheduled = history.OfType<TaskScheduledEvent>().Skip(1).First();
        scheduled.Name = "SendFax";

        var actions = GoldenHistory.Replay(GoldenHistory.Orchestrator(), history);

        var failure = Assert.Single(actions.OfType<OrchestrationCompleteOrchestratorAction>());
        Assert.Equal(OrchestrationStatus.Failed, failure.OrchestrationStatus);
        Assert.Contains("SendFax", failure.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_WhenAsked_WritesTheHistoriesOfWholeMotions()
    {
        if (Environment.GetEnvironmentVariable("RW_UPDATE_GOLDEN") != "1")
        {
            return;
        }
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        foreach (var token in (await motion.VoteTokensAsync()).Take(4))
        {
            Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(token, "yes")).StatusCode);
        }
        await motion.WaitForStageAsync(MotionStage.Consultation);
        await motion.MeetAsync("ausschuss-soziales", "postponed");
        await motion.MeetAsync("ausschuss-soziales", "amended", resolutionText: "Geänderter Beschlussvorschlag.");
        await motion.MeetAsync("rat", "referred", referTo: "ausschuss-finanzen");
        await motion.MeetAsync("ausschuss-finanzen", "approved");
        await motion.MeetAsync("rat", "approved");
        await motion.WaitForStageAsync(MotionStage.Decided);
        await engine.WaitForInstanceCompletionAsync(motion.MotionId);
        await WriteAsync(app, motion.MotionId, "ratsbeschluss-v1-beirat-referral-decided.json");

        var withdrawn = new Scenario(app);
        await withdrawn.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await withdrawn.ConfirmFromMailAsync();
        await withdrawn.WaitForStageAsync(MotionStage.Consultation);
        await withdrawn.MeetAsync("ausschuss-soziales", "approved");
        Assert.Equal(HttpStatusCode.OK, (await app.Clerk.PostAsync($"/api/motions/{withdrawn.MotionId}/withdraw", null)).StatusCode);
        await engine.WaitForInstanceCompletionAsync(withdrawn.MotionId);
        await WriteAsync(app, withdrawn.MotionId, "ratsbeschluss-v1-withdrawn.json");
    }

    private static async Task WriteAsync(WorkflowApp app, string motionId, string file)
    {
        var json = await app.Services.GetRequiredService<AzureStorageOrchestrationService>().GetOrchestrationHistoryAsync(motionId, null);
        var pretty = Newtonsoft.Json.Linq.JToken.Parse(json).ToString(Newtonsoft.Json.Formatting.Indented);
        await File.WriteAllTextAsync(Path.Combine(GoldenFolder, file), pretty + "\n");
    }
}
