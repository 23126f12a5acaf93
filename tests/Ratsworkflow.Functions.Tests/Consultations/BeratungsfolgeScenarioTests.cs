using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

/// <summary>A whole Beratungsfolge as a clerk would record it, meeting by meeting.</summary>
public class BeratungsfolgeScenarioTests
{
    [Fact]
    public void GivenSocialThenAdministrativeCommittee_WhenPostponedReferredAmendedAndDecided_ThenEveryStepIsKept()
    {
        var sequence = new Sequence(Social, Administrative)
            .Meets(Social, new DateOnly(2026, 1, 15), ConsultationOutcome.Postponed)
            .Meets(Social, new DateOnly(2026, 2, 5), ConsultationOutcome.Referred, referTo: Finance)
            .Meets(Finance, new DateOnly(2026, 2, 12), ConsultationOutcome.Amended, "Mit Deckungsvorschlag.")
            .Meets(Administrative, new DateOnly(2026, 2, 26), ConsultationOutcome.Approved);
        Assert.Equal(MotionStage.Council, sequence.State.Stage);

        sequence.Meets(Council, new DateOnly(2026, 3, 12), ConsultationOutcome.Approved);

        Assert.Equal(MotionStage.Decided, sequence.State.Stage);
        Assert.Equal(
            [(Social, ConsultationOutcome.Referred), (Finance, ConsultationOutcome.Amended), (Administrative, ConsultationOutcome.Approved), (Council, ConsultationOutcome.Approved)],
            sequence.State.Consultations.Select(c => (c.OrganizationId, c.Outcome!.Value)));
        Assert.Equal(["Mit Deckungsvorschlag."], sequence.State.ResolutionTexts.Skip(1).Select(v => v.Text));
        Assert.Equal(ConsultationOutcome.Approved, sequence.State.Decision);
    }
}
