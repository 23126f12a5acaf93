using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Tests.Workflow.Orchestration;

/// <summary>Inputs and step answers for the orchestrator tests: a motion of the sample city, the defaults of docs/design.md.</summary>
internal static class Motions
{
    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    public static readonly string[] Members = ["m1", "m2", "m3", "m4", "m5", "m6", "m7"];

    public static MotionWorkflowInput Input(FollowUp? followUp = null) => new("m-test",
        new WorkflowSettings(TimeSpan.FromDays(14), TimeSpan.FromDays(3), TimeSpan.FromDays(2), 0.5m, "Europe/Berlin", 6, TimeSpan.FromSeconds(10)),
        followUp);

    /// <summary>An engine whose steps answer like the real ones would for a motion that goes its way undisturbed.</summary>
    public static FakeOrchestration Engine(bool beirat, params string[] committees) => new FakeOrchestration(Start)
        .On(WorkflowSteps.RegisterMotion, _ => new RegisteredMotion("m-test", "A/2026/0001", beirat ? "integrationsrat" : null,
            beirat ? Members : [], committees, "rat", "Die Verwaltung wird beauftragt."))
        .On(WorkflowSteps.CountVotes, _ => Tally(VoteCount.None, closed: false))
        .On(WorkflowSteps.CloseBeiratVote, _ => Tally(VoteCount.None, closed: true))
        .On(WorkflowSteps.ApplyConsultationCommand, input => Apply(input, Start));

    public static BeiratTally Tally(VoteCount votes, bool closed) =>
        new(votes, Members.Length, votes.Total > 3, closed, closed ? BeiratOutcome.Recommends : BeiratOutcome.Pending);

    /// <summary>Decides the command as the real step does (the same pure decider), recorded at <paramref name="at"/>.</summary>
    public static ConsultationApplied Apply(ApplyConsultationInput input, DateTime at)
    {
        var decision = ConsultationDecider.Decide(input.Command, input.State, Tests.Organizations.TestCatalog.Sample, DateOnly.FromDateTime(at).AddDays(365));
        return new ConsultationApplied(decision.Events, input.FollowUpAfter, at);
    }

    /// <summary>A schedule as the "Command" event carries it (<see cref="CommandEnvelope"/>).</summary>
    public static CommandEnvelope Schedule(string organizationId, DateOnly date) =>
        CommandEnvelope.From(new ScheduleMotion(NewId(), "Ratsbüro", new ScheduleConsultation(organizationId, date)));

    public static CommandEnvelope Result(string organizationId, ConsultationOutcome outcome, string? referTo = null, int? followUpDays = null) =>
        CommandEnvelope.From(new RecordResult(NewId(), "Ratsbüro", new RecordConsultationResult(organizationId, outcome, ReferTo: referTo),
            FollowUpPeriod.FromDays(followUpDays).Value));

    public static CommandEnvelope Withdraw() => CommandEnvelope.From(new WithdrawMotion(NewId(), "Ratsbüro"));

    public static CommandEnvelope EndFollowUp() => CommandEnvelope.From(new Functions.Workflow.EndFollowUp(NewId(), "Ratsbüro"));

    public static CommandEnvelope Retry() => CommandEnvelope.From(new RetryFailedStep(NewId(), "Ratsbüro"));

    private static string NewId() => Guid.NewGuid().ToString("N");
}
