using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// Motions in flight must survive a deploy: recorded histories of real motions are replayed against the current
/// orchestrator. A change that would break them fails here, naming the step. Set RW_UPDATE_GOLDEN=1 to record anew
/// (only when a new orchestrator version is registered, never to make this test pass).
/// </summary>
public sealed class GoldenHistoryTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "Ratsworkflow.Functions.Tests", "Workflow", "Golden");

    public static TheoryData<string> Histories() => new(Directory.GetFiles(GoldenFolder, "*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Histories))]
    public void Replay_RecordedMotion_MatchesTheCurrentOrchestrator(string file)
    {
        var history = HistoryReplayer.FromJson(File.ReadAllText(Path.Combine(GoldenFolder, file)));

        var status = HistoryReplayer.Replay(new RatsbeschlussOrchestrator(), history);

        Assert.True(history.Count > 20, "A golden history should cover a whole motion.");
        Assert.Contains(status, new[] { OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.ContinuedAsNew, OrchestrationRuntimeStatus.Running });
    }

    [Fact]
    public async Task Record_WhenAsked_WritesTheHistoryOfAWholeMotion()
    {
        if (Environment.GetEnvironmentVariable("RW_UPDATE_GOLDEN") != "1")
        {
            return;
        }
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);
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
        await motion.MeetAsync("rat", "approved");
        await motion.WaitForStageAsync(MotionStage.Decided);
        var engine = app.Services.GetRequiredService<DurableTaskClient>();
        await engine.WaitForInstanceCompletionAsync(motion.MotionId);
        var json = HistoryReplayer.ToJson(await engine.GetHistoryAsync(motion.MotionId));
        await File.WriteAllTextAsync(Path.Combine(GoldenFolder, "ratsbeschluss-v1-beirat-amended.json"), json);
    }
}
