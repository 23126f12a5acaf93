using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Workflow.Orchestration;

/// <summary>The orchestrator's Beirat phase on a fake engine: deadline, reminder, early close, withdrawal.</summary>
public sealed class BeiratPhaseTests
{
    private static readonly DateTime Deadline = Motions.Start.AddDays(14);

    [Fact]
    public void RunAsync_NobodyVotes_RemindsThreeDaysBeforeAndClosesAtTheDeadline()
    {
        var engine = Motions.Engine(beirat: true, "ausschuss-soziales");
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());

        var opened = Assert.Single(engine.CallsOf(WorkflowSteps.StartBeiratVote));
        engine.Advance(TimeSpan.FromDays(11) - TimeSpan.FromMinutes(1));
        Assert.Empty(engine.CallsOf(WorkflowSteps.SendVoteReminders));
        engine.Advance(TimeSpan.FromMinutes(1));
        var reminded = Assert.Single(engine.CallsOf(WorkflowSteps.SendVoteReminders));
        engine.AdvanceTo(Deadline - TimeSpan.FromSeconds(1));
        Assert.Empty(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
        engine.AdvanceTo(Deadline);

        Assert.Equal((Deadline, Motions.Members), (opened.Deadline, opened.VotingMemberIds));
        Assert.Equal(Deadline, reminded.Deadline);
        Assert.Single(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
        Assert.Single(engine.CallsOf(WorkflowSteps.BeginConsultation));
    }

    [Fact]
    public void RunAsync_VotesMakeTheOutcomeCertain_ClosesAtOnceAndNoReminderFollows()
    {
        var engine = Motions.Engine(beirat: true, "ausschuss-soziales")
            .On(WorkflowSteps.CountVotes, _ => Motions.Tally(new VoteCount(4, 0, 0), closed: true));
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());

        engine.Raise(VoteArrived.EventName, new VoteArrived("m1"));
        engine.Advance(TimeSpan.FromDays(20));

        Assert.Single(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
        Assert.Empty(engine.CallsOf(WorkflowSteps.SendVoteReminders));
        Assert.DoesNotContain(Deadline, engine.PendingTimers);
    }

    [Fact]
    public void RunAsync_VotesArriveWhileCounting_CountsThemTogether()
    {
        var engine = Motions.Engine(beirat: true).Defer(WorkflowSteps.CountVotes);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());

        engine.Raise(VoteArrived.EventName, new VoteArrived("m1"));
        engine.Raise(VoteArrived.EventName, new VoteArrived("m2"));
        engine.Raise(VoteArrived.EventName, new VoteArrived("m3"));
        engine.Complete(WorkflowSteps.CountVotes, Motions.Tally(new VoteCount(1, 0, 0), closed: false));

        Assert.Equal(2, engine.CallsOf(WorkflowSteps.CountVotes).Count);
        Assert.Empty(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
    }

    [Fact]
    public void RunAsync_DeadlineTimerFiresEarly_WaitsUntilTheDeadlineItself()
    {
        var engine = Motions.Engine(beirat: true);
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());
        engine.AdvanceTo(Deadline - TimeSpan.FromDays(1));

        engine.FireNextEarly(TimeSpan.FromSeconds(1));

        Assert.Empty(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
        Assert.Contains(Deadline, engine.PendingTimers);
        engine.AdvanceTo(Deadline);
        Assert.Single(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
    }

    [Fact]
    public void RunAsync_WithdrawnDuringTheVote_EndsWithdrawnWithoutAResult()
    {
        var engine = Motions.Engine(beirat: true, "ausschuss-soziales");
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());

        engine.Raise(CommandEnvelope.EventName, Motions.Withdraw());
        engine.Advance(TimeSpan.FromDays(20));

        Assert.Equal("withdrawn", engine.Output);
        Assert.Single(engine.CallsOf(WorkflowSteps.WithdrawMotion));
        Assert.Empty(engine.CallsOf(WorkflowSteps.CloseBeiratVote));
        Assert.Empty(engine.CallsOf(WorkflowSteps.BeginConsultation));
        Assert.Empty(engine.PendingTimers);
    }

    [Fact]
    public void RunAsync_ConsultationCommandDuringTheVote_IsRefusedAndTheVoteGoesOn()
    {
        var engine = Motions.Engine(beirat: true, "ausschuss-soziales");
        engine.Start(new RatsbeschlussOrchestrator(), Motions.Input());

        engine.Raise(CommandEnvelope.EventName, Motions.Schedule("ausschuss-soziales", new DateOnly(2026, 3, 20)));

        var refusal = Assert.Single(engine.CallsOf(WorkflowSteps.RefuseCommand));
        Assert.Equal(OutcomeKind.Conflict, refusal.Kind);
        Assert.Contains("Beirat", refusal.Detail, StringComparison.Ordinal);
        Assert.Empty(engine.CallsOf(WorkflowSteps.ApplyConsultationCommand));
        Assert.Null(engine.Output);
    }
}
