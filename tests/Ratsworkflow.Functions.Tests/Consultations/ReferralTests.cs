using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

public class ReferralTests
{
    private static readonly DateOnly March12 = new(2026, 3, 12);

    [Fact]
    public void Result_CommitteeReferred_InsertsTheCommitteeRightAfter()
    {
        var sequence = new Sequence(Social, Administrative).Schedule(Social, March12);

        var decision = sequence.Decide(new RecordConsultationResult(Social, ConsultationOutcome.Referred, ReferTo: Finance));

        Assert.Contains(new ConsultationInserted(1, Finance, IsCouncil: false, ReferredBy: Social), decision.Events);
        Assert.Equal([Social, Finance, Administrative, Council], sequence.State.Consultations.Select(c => c.OrganizationId));
        Assert.Equal(Finance, sequence.State.Current!.OrganizationId);
    }

    [Fact]
    public void Result_CouncilReferredBack_InsertsCommitteeThenCouncilAgain()
    {
        var sequence = new Sequence(Social).Meets(Social, new DateOnly(2026, 3, 2), ConsultationOutcome.Approved).Schedule(Council, March12);

        var decision = sequence.Decide(new RecordConsultationResult(Council, ConsultationOutcome.Referred, ReferTo: Social));

        Assert.DoesNotContain(decision.Events, e => e is MotionDecided);
        Assert.Equal([Social, Council, Social, Council], sequence.State.Consultations.Select(c => c.OrganizationId));
        Assert.Equal([false, true, false, true], sequence.State.Consultations.Select(c => c.IsCouncil));
        Assert.Equal(2, sequence.State.CurrentPosition);
        Assert.Equal(MotionStage.Consultation, sequence.State.Stage);
    }

    [Fact]
    public void Result_AfterReferralBack_CouncilDecidesTheSecondTime()
    {
        var sequence = new Sequence()
            .Meets(Council, new DateOnly(2026, 2, 5), ConsultationOutcome.Referred, referTo: Finance)
            .Meets(Finance, new DateOnly(2026, 2, 26), ConsultationOutcome.Amended, "Geänderter Text")
            .Meets(Council, March12, ConsultationOutcome.Approved);

        Assert.True(sequence.State.IsDecided);
        Assert.Equal(ConsultationOutcome.Referred, sequence.State.Consultations[0].Outcome);
        Assert.Equal("Geänderter Text", sequence.State.ResolutionText);
    }

    [Theory]
    [InlineData(null, "Bitte wählen Sie den Ausschuss, an den verwiesen wird.")]
    [InlineData("bauausschuss", "„bauausschuss“ ist kein bekanntes Gremium.")]
    [InlineData(Council, "„Rat der Stadt Göttingen“ ist kein Ausschuss; verwiesen werden kann nur an einen Ausschuss.")]
    [InlineData(Integrationsrat, "„Integrationsrat“ ist kein Ausschuss; verwiesen werden kann nur an einen Ausschuss.")]
    [InlineData(Faction, "„SPD-Ratsfraktion“ ist kein Ausschuss; verwiesen werden kann nur an einen Ausschuss.")]
    [InlineData(Social, "Der Ausschuss für Soziales, Integration und Gleichstellung kann nicht an sich selbst verweisen.")]
    [InlineData(Administrative, "Der Verwaltungsausschuss berät den Antrag ohnehin als Nächstes; eine Verweisung ist nicht nötig.")]
    public void Result_ReferredToNoSuitableCommittee_InvalidInput(string? referTo, string expected)
    {
        var error = new Sequence(Social, Administrative).Schedule(Social, March12)
            .Decide(new RecordConsultationResult(Social, ConsultationOutcome.Referred, ReferTo: referTo)).Error;

        Assert.Equal(ConsultationErrorKind.InvalidInput, error?.Kind);
        Assert.Equal([expected], error!.Errors["referTo"]);
    }

    [Fact]
    public void Result_ReferToWithOtherOutcome_InvalidInput()
    {
        var error = new Sequence(Social).Schedule(Social, March12)
            .Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved, ReferTo: Finance)).Error;

        Assert.Equal(["Einen Ausschuss, an den verwiesen wird, können Sie nur beim Ergebnis „verwiesen“ angeben."], error!.Errors["referTo"]);
    }
}
