using System.Text.Json;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow.Orchestration;

/// <summary>The Wiedervorlage after the decision, and a step that fails after all its attempts, on a fake engine.</summary>
public sealed class FollowUpAndFailureTests
{
    private static readonly TimeSpan TwoYears = TimeSpan.FromDays(730);

    [Fact]
    public void RunAsync_CouncilAsksForAFollowUp_ContinuesAsNewDueTwoYearsAfterTheDecision()
    {
        var engine = Motions.Engine(beirat: false);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("rat", new DateOnly(2026, 3, 10)));

        engine.Raise(CommandEnvelope.EventName, Motions.Result("rat", ConsultationOutcome.Approved, followUpDays: 730));

        var next = Assert.IsType<MotionWorkflowInput>(engine.ContinuedWith);
        Assert.Equal(new FollowUp(TwoYears, 0, Motions.Start + TwoYears), next.FollowUp);
        Assert.Equal(Motions.Input().Settings, next.Settings);
    }

    [Fact]
    public void RunAsync_ResultWithFollowUpRecordedBeforeCommandsHadTypes_ContinuesAsNewWithTheFollowUp()
    {
        var engine = Motions.Engine(beirat: false);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("rat", new DateOnly(2026, 3, 10)));

        // As a running motion's history holds it: the period beside the result, not inside it.
        engine.Raise(CommandEnvelope.EventName, JsonDocument.Parse("""
            {"commandId":"c9","type":"Consultation","actor":"Ratsb\u00FCro","consultation":{"type":"result","outcome":"Approved","organizationId":"rat"},"followUpAfter":"730.00:00:00"}
            """).RootElement);

        Assert.Equal(TwoYears, engine.CallsOf(WorkflowSteps.ApplyConsultationCommand)[^1].FollowUpAfter);
        var next = Assert.IsType<MotionWorkflowInput>(engine.ContinuedWith);
        Assert.Equal(new FollowUp(TwoYears, 0, Motions.Start + TwoYears), next.FollowUp);
    }

    [Fact]
    public void RunAsync_FollowUp_RemindsEachPeriodUntilAClerkEndsIt()
    {
        var engine = Motions.Engine(beirat: false);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input(new FollowUp(TwoYears, 0, Motions.Start + TwoYears)));

        engine.Advance(TwoYears - TimeSpan.FromDays(1));
        Assert.Empty(engine.CallsOf(WorkflowSteps.SendFollowUp));
        engine.Advance(TimeSpan.FromDays(1));
        engine.Advance(TwoYears);
        engine.Raise(CommandEnvelope.EventName, Motions.EndFollowUp());
        engine.Advance(TwoYears * 2);

        Assert.Equal([1, 2], engine.CallsOf(WorkflowSteps.SendFollowUp).Select(f => f.Count));
        Assert.Single(engine.CallsOf(WorkflowSteps.EndFollowUp));
        Assert.Equal("follow-up ended", engine.Output);
        Assert.Empty(engine.CallsOf(WorkflowSteps.RegisterMotion));
    }

    [Fact]
    public void RunAsync_StepFailsAfterAllAttempts_ShowsFailedRefusesOtherCommandsAndRunsTheSameStepAgainOnRetry()
    {
        var engine = Motions.Engine(beirat: false, "ausschuss-soziales").Fail(WorkflowSteps.ApplyConsultationCommand);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-soziales", new DateOnly(2026, 3, 10)));

        var failed = Assert.Single(engine.CallsOf(WorkflowSteps.MarkFailed));
        engine.Raise(CommandEnvelope.EventName, Motions.Withdraw());
        engine.Raise(CommandEnvelope.EventName, Motions.Retry());

        Assert.Equal((nameof(WorkflowSteps.ApplyConsultationCommand), "SMTP nicht erreichbar"), (failed.Step, failed.Reason));
        Assert.Equal(OutcomeKind.Conflict, Assert.Single(engine.CallsOf(WorkflowSteps.RefuseCommand)).Kind);
        Assert.Empty(engine.CallsOf(WorkflowSteps.WithdrawMotion));
        Assert.Single(engine.CallsOf(WorkflowSteps.ResumeFailedStep));
        var runs = engine.Calls.Where(c => c.Step == nameof(WorkflowSteps.ApplyConsultationCommand)).ToList();
        Assert.Equal(2, runs.Count);
        Assert.Equal(runs[0].Id, runs[1].Id); // the same step: its writes and mails are made once
    }

    [Fact]
    public void RunAsync_EveryStep_GetsALaterIdThanTheOneBefore()
    {
        var engine = Motions.Engine(beirat: true, "ausschuss-soziales");
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Advance(TimeSpan.FromDays(15));
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-soziales", new DateOnly(2026, 3, 20)));

        var ids = engine.Calls.Select(c => c.Id).ToList();

        Assert.Single(ids.Select(i => i.ExecutionId).Distinct());
        Assert.Equal(ids.Select(i => i.TaskId).Order(), ids.Select(i => i.TaskId));
        Assert.Equal(ids.Count, ids.Select(i => i.TaskId).Distinct().Count());
    }
}
