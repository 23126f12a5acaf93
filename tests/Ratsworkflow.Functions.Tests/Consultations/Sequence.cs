using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tests.Organizations;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Consultations;

/// <summary>A motion's Beratungsfolge driven through the decider the way the orchestrator does: decide, then apply.</summary>
internal sealed class Sequence(params string[] committees)
{
    public const string OriginalText = "Die Verwaltung wird beauftragt, einen Bericht vorzulegen.";

    public static readonly DateOnly Today = new(2026, 3, 20);

    public ConsultationState State { get; private set; } = ConsultationState.Start(committees, TestCatalog.Council, OriginalText);

    public ConsultationDecision Decide(ConsultationCommand command, DateOnly? today = null)
    {
        var decision = ConsultationDecider.Decide(command, State, TestCatalog.Sample, today ?? Today);
        if (decision.IsAccepted)
        {
            State = State.ApplyAll(decision.Events);
        }
        return decision;
    }

    public Sequence Schedule(string organizationId, DateOnly date) => Accepted(new ScheduleConsultation(organizationId, date));

    public Sequence Result(string organizationId, ConsultationOutcome outcome, string? resolutionText = null, string? referTo = null, VoteCount? votes = null) =>
        Accepted(new RecordConsultationResult(organizationId, outcome, resolutionText, referTo, votes));

    /// <summary>Schedules the current consultation on <paramref name="date"/> and records <paramref name="outcome"/>.</summary>
    public Sequence Meets(string organizationId, DateOnly date, ConsultationOutcome outcome, string? resolutionText = null, string? referTo = null) =>
        Schedule(organizationId, date).Result(organizationId, outcome, resolutionText, referTo);

    private Sequence Accepted(ConsultationCommand command)
    {
        var decision = Decide(command);
        Assert.True(decision.IsAccepted, decision.Error?.Detail);
        return this;
    }
}
