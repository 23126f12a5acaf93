using System.Diagnostics;
using System.Net;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// What one whole motion costs, driven through the API: wall time, the engine's storage requests and mails. The
/// bounds catch regressions; the printed figures go into the README.
/// </summary>
public sealed class MotionCostTests(AzuriteFixture azurite, MailDevFixture mail, ITestOutputHelper output) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task WholeMotion_BeiratCommitteeCouncil_CostsBoundedRequestsAndOneMailPerStepAndRecipient()
    {
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev);
        var motion = new Scenario(app);
        var mailsBefore = (await app.Mail.GetAllAsync()).Count;
        app.EngineRequests.Reset();
        var clock = Stopwatch.StartNew();

        await motion.SubmitAsync(beiratReview: true, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.BeiratReview);
        foreach (var token in (await motion.VoteTokensAsync()).Take(4))
        {
            Assert.Equal(HttpStatusCode.OK, (await motion.VoteAsync(token, "yes")).StatusCode);
        }
        await motion.WaitForStageAsync(MotionStage.Consultation);
        await motion.MeetAsync("ausschuss-soziales", "approved", inDays: 0);
        await motion.MeetAsync("rat", "approved", inDays: 0);
        await motion.WaitForStageAsync(MotionStage.Decided);
        clock.Stop();
        await Task.Delay(500);

        var requests = app.EngineRequests.Snapshot();
        var mails = (await app.Mail.GetAllAsync()).Count - mailsBefore;
        // Empty queue polls depend on how long the test waits, not on the motion: they are shown, not bounded.
        var work = requests.Where(r => r.Key != "Queue.Receive").Sum(r => r.Value);
        output.WriteLine($"whole motion (4 votes close the Beirat early): {clock.Elapsed.TotalSeconds:F1} s, engine storage requests {work} without polling " +
            $"({string.Join(", ", requests.Select(r => $"{r.Key} {r.Value}"))}), mails {mails}");
        Assert.InRange(work, 50, 400);
        Assert.InRange(mails, 25, 60);
    }
}
