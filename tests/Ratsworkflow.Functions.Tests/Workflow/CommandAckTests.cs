using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>How an API call gets the workflow's answer to its command: handed over in-process, else read from storage.</summary>
public sealed class CommandAckTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task Schedule_StepRunsInThisProcess_AnswersWithoutReadingTheMotionAgain()
    {
        var log = new TableRequestLog();
        // The fallback poll is far away, so every read of the motion during the command is one the command itself needs.
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev,
            new Dictionary<string, string?> { ["Workflow:CommandAckPoll"] = "00:10:00" },
            configure: b => b.Services.AddSingleton(log.Client(azurite.ConnectionString)));
        var motion = new Scenario(app);
        await motion.SubmitAsync(beiratReview: false, "ausschuss-soziales");
        await motion.ConfirmFromMailAsync();
        await motion.WaitForStageAsync(MotionStage.Consultation);
        log.Clear();

        var response = await motion.ScheduleAsync("ausschuss-soziales", BodyDate.Today(app.Clock).AddDays(3));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The API's stage check and the step's load; polling would add at least one more.
        var recordReads = log.All.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains($"/{MotionStore.TableName}(PartitionKey='{motion.MotionId}'", StringComparison.Ordinal));
        Assert.Equal(2, recordReads);
    }

    [Fact]
    public async Task Publish_RecordWithTheAck_CompletesOnlyThatWaiter()
    {
        var acks = new CommandAcks();
        using var mine = acks.Wait("c1");
        using var other = acks.Wait("c2");
        var saved = Record().WithAck(CommandAck.Ok("c1", "gezählt"));

        acks.Publish(saved);

        Assert.True(mine.Answer.IsCompletedSuccessfully);
        Assert.Same(saved, await mine.Answer);
        Assert.False(other.Answer.IsCompleted);
    }

    [Fact]
    public void Publish_AfterTheWaiterGaveUp_CompletesNothing()
    {
        var acks = new CommandAcks();
        var waiter = acks.Wait("c1");
        waiter.Dispose();

        acks.Publish(Record().WithAck(CommandAck.Ok("c1", "gezählt")));

        Assert.False(waiter.Answer.IsCompleted);
    }

    private static MotionRecord Record() => new()
    {
        MotionId = "m1",
        FactionId = "spd",
        SubmitterName = "Erika Privatperson",
        SubmitterEmail = "erika@example.org",
        Title = "Radverkehr",
        ResolutionText = "Text",
        Justification = "Begründung",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };
}
