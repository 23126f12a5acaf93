using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow.Orchestration;

/// <summary>The Beratungsfolge on a fake engine: overdue alerts, referrals, the decision and what arrives after it.</summary>
public sealed class ConsultationPhaseTests
{
    private static readonly DateOnly Meeting = new(2026, 3, 10);

    /// <summary>The end of the meeting day in Göttingen (CET: 23:00 UTC) plus the grace of two days.</summary>
    private static readonly DateTime OverdueAt = new(2026, 3, 12, 23, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void RunAsync_MeetingPassesWithoutResult_AlertsOnceADayUntilTheResultIsRecorded()
    {
        var engine = Motions.Engine(beirat: false, "ausschuss-soziales");
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-soziales", Meeting));

        engine.AdvanceTo(OverdueAt - TimeSpan.FromMinutes(1));
        Assert.Empty(engine.CallsOf(WorkflowSteps.AlertOverdue));
        engine.AdvanceTo(OverdueAt.AddDays(1));
        var alerts = engine.CallsOf(WorkflowSteps.AlertOverdue);
        engine.Raise(CommandEnvelope.EventName, Motions.Result("ausschuss-soziales", ConsultationOutcome.Approved));
        engine.Advance(TimeSpan.FromDays(10));

        Assert.Equal([1, 2], alerts.Select(a => a.Day));
        Assert.All(alerts, a => Assert.Equal(("ausschuss-soziales", Meeting), (a.OrganizationId, a.MeetingDate)));
        Assert.Equal(2, engine.CallsOf(WorkflowSteps.AlertOverdue).Count);
    }

    [Fact]
    public void RunAsync_MeetingMoved_WatchesTheNewDateOnly()
    {
        var engine = Motions.Engine(beirat: false, "ausschuss-soziales");
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-soziales", Meeting));

        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-soziales", Meeting.AddDays(7)));
        engine.AdvanceTo(OverdueAt.AddDays(1));
        Assert.Empty(engine.CallsOf(WorkflowSteps.AlertOverdue));
        engine.AdvanceTo(OverdueAt.AddDays(7));

        Assert.Equal(Meeting.AddDays(7), Assert.Single(engine.CallsOf(WorkflowSteps.AlertOverdue)).MeetingDate);
    }

    [Fact]
    public void RunAsync_CouncilRefersToACommittee_TheCommitteeComesBeforeTheCouncilDecides()
    {
        var engine = Motions.Engine(beirat: false);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("rat", Meeting));

        engine.Raise(CommandEnvelope.EventName, Motions.Result("rat", ConsultationOutcome.Referred, referTo: "ausschuss-finanzen"));
        var afterReferral = engine.CallsOf(WorkflowSteps.ApplyConsultationCommand)[^1].State;
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-finanzen", Meeting.AddDays(14)));
        engine.Raise(CommandEnvelope.EventName, Motions.Result("ausschuss-finanzen", ConsultationOutcome.Approved));
        Assert.Null(engine.Output);
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("rat", Meeting.AddDays(28)));
        engine.Raise(CommandEnvelope.EventName, Motions.Result("rat", ConsultationOutcome.Approved));

        Assert.Equal("decided", engine.Output);
        Assert.Equal(["rat"], afterReferral.Consultations.Select(c => c.OrganizationId));
        Assert.Equal(["rat", "ausschuss-finanzen", "rat"], engine.CallsOf(WorkflowSteps.ApplyConsultationCommand)[^1].State.Consultations.Select(c => c.OrganizationId));
        Assert.Empty(engine.CallsOf(WorkflowSteps.RefuseCommand));
    }

    [Fact]
    public void RunAsync_CommandArrivesWhileTheDecisionIsRecorded_IsRefusedAsDecided()
    {
        var engine = Motions.Engine(beirat: false);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("rat", Meeting));
        engine.Defer(WorkflowSteps.ApplyConsultationCommand);
        var decision = Motions.Result("rat", ConsultationOutcome.Approved);
        engine.Raise(CommandEnvelope.EventName, decision);

        engine.Raise(CommandEnvelope.EventName, Motions.Withdraw());
        engine.Complete(WorkflowSteps.ApplyConsultationCommand, Motions.Apply(
            new ApplyConsultationInput(decision.CommandId, "Ratsbüro", decision.Consultation!, engine.CallsOf(WorkflowSteps.ApplyConsultationCommand)[^1].State, null), Motions.Start));

        Assert.Equal("decided", engine.Output);
        Assert.Empty(engine.CallsOf(WorkflowSteps.WithdrawMotion));
        Assert.Contains("bereits beschlossen", Assert.Single(engine.CallsOf(WorkflowSteps.RefuseCommand)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_ConsultationCommandWithoutItsConsultation_IsRefusedAndTheMotionWaitsOn()
    {
        var engine = Motions.Engine(beirat: false);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());

        engine.Raise(CommandEnvelope.EventName, new CommandEnvelope("c1", MotionCommandType.Consultation, "Ratsbüro"));
        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("rat", Meeting));

        var refusal = Assert.Single(engine.CallsOf(WorkflowSteps.RefuseCommand));
        Assert.Equal(("c1", "Der Antrag ist in der Beratungsfolge; das ist jetzt nicht möglich."), (refusal.CommandId, refusal.Detail));
        Assert.Single(engine.CallsOf(WorkflowSteps.ApplyConsultationCommand));
        Assert.Null(engine.Output);
    }
}
