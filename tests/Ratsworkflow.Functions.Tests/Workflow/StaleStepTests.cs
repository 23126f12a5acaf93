using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Functions.Workflow.Steps;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// A step's work item that comes back after its process died (the crash test found it: a committee's result ran
/// again after the council's date was saved, and erased that date).
/// </summary>
public sealed class StaleStepTests(AzuriteFixture azurite, MailDevFixture mail) : WorkflowAppTests(azurite, mail)
{
    [Fact]
    public async Task SaveAsync_EarlierStepOfTheSameExecutionRunsAgain_RefusesAndLeavesTheRecord()
    {
        var (services, store, motion) = await ConsultingMotionAsync();
        var last = motion.LastStep!;
        var stale = new StepContext(motion.MotionId, last with { TaskId = last.TaskId - 1 });

        await Assert.ThrowsAsync<StaleStepException>(() => services.SaveAsync(stale, motion, motion with { Status = "veraltet" }));

        Assert.Equal(motion.Status, (await store.GetAsync(motion.MotionId))!.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task SaveAsync_SameOrLaterStep_SavesAndRecordsTheStep(int ahead)
    {
        var (services, store, motion) = await ConsultingMotionAsync();
        var last = motion.LastStep!;
        var step = new StepContext(motion.MotionId, last with { TaskId = last.TaskId + ahead });

        await services.SaveAsync(step, motion, motion with { Status = "weiter" });

        var saved = (await store.GetAsync(motion.MotionId))!;
        Assert.Equal(("weiter", last.TaskId + ahead), (saved.Status, saved.LastStep!.TaskId));
    }

    [Fact]
    public async Task SaveAsideAsync_AfterALaterStep_SavesAndKeepsTheLastStep()
    {
        var (services, store, motion) = await ConsultingMotionAsync();
        var last = motion.LastStep!;
        var refusal = new StepContext(motion.MotionId, last with { TaskId = last.TaskId + 5 });

        await services.SaveAsideAsync(refusal, motion, motion.WithAck(CommandAck.Conflict("c1", "Nicht jetzt.")));

        var saved = (await store.GetAsync(motion.MotionId))!;
        Assert.Equal(last, saved.LastStep);
        Assert.Contains(saved.Acks, a => a.CommandId == "c1" && a.Kind == OutcomeKind.Conflict);
    }

    private async Task<(WorkflowServices, MotionStore, MotionRecord)> ConsultingMotionAsync()
    {
        var scenario = new Scenario(App);
        await scenario.SubmitAsync(false, "ausschuss-soziales");
        await scenario.ConfirmFromMailAsync();
        await scenario.WaitForStageAsync(MotionStage.Consultation);
        var store = App.Services.GetRequiredService<MotionStore>();
        return (App.Services.GetRequiredService<WorkflowServices>(), store, (await store.GetAsync(scenario.MotionId))!);
    }
}
