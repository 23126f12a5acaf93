using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

public class RecordResultTests
{
    private static readonly DateOnly March12 = new(2026, 3, 12);

    [Fact]
    public void Result_CommitteeApproved_RecommendationAndNextIsCurrent()
    {
        var sequence = new Sequence(Social, Administrative).Schedule(Social, March12);
        var votes = new VoteCount(9, 2, 1);

        var decision = sequence.Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved, Votes: votes));

        Assert.Equal([new ConsultationResultRecorded(0, Social, ConsultationOutcome.Approved, March12, votes, ByCouncil: false)], decision.Events);
        Assert.Equal(Administrative, sequence.State.Current!.OrganizationId);
        Assert.Equal(votes, sequence.State.Consultations[0].Votes);
        Assert.Equal(MotionStage.Consultation, sequence.State.Stage);
    }

    [Fact]
    public void Result_CommitteeRejected_OnlyARecommendationTheMotionMovesOn()
    {
        var sequence = new Sequence(Social).Meets(Social, March12, ConsultationOutcome.Rejected);

        Assert.Equal(MotionStage.Council, sequence.State.Stage);
        Assert.False(sequence.State.IsDecided);
    }

    [Fact]
    public void Result_OnTheMeetingDay_Accepted()
    {
        var sequence = new Sequence(Social).Schedule(Social, Sequence.Today);

        Assert.True(sequence.Decide(new RecordConsultationResult(Social, ConsultationOutcome.Noted)).IsAccepted);
    }

    [Fact]
    public void Result_BeforeTheMeetingDay_Conflict()
    {
        var sequence = new Sequence(Social).Schedule(Social, Sequence.Today.AddDays(1));

        var error = sequence.Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved)).Error;

        Assert.Equal(ConsultationErrorKind.Conflict, error?.Kind);
        Assert.Equal("Die Sitzung des Ausschusses für Soziales, Integration und Gleichstellung am 21.03.2026 hat noch nicht stattgefunden. Das Ergebnis kann ab dem Sitzungstag eingetragen werden.", error?.Detail);
    }

    [Fact]
    public void Result_NotScheduled_Conflict()
    {
        var error = new Sequence(Social).Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved)).Error;

        Assert.Equal(ConsultationErrorKind.Conflict, error?.Kind);
        Assert.Equal("Für den Ausschuss für Soziales, Integration und Gleichstellung ist noch kein Sitzungstermin eingetragen. Bitte terminieren Sie die Beratung zuerst.", error?.Detail);
    }

    [Fact]
    public void Result_ForAConsultationNotCurrent_Conflict() =>
        Assert.Equal(ConsultationErrorKind.Conflict,
            new Sequence(Social, Finance).Schedule(Social, March12).Decide(new RecordConsultationResult(Finance, ConsultationOutcome.Approved)).Error?.Kind);

    [Fact]
    public void Result_NoOutcome_InvalidInput()
    {
        var error = new Sequence(Social).Schedule(Social, March12).Decide(new RecordConsultationResult(Social, null)).Error;

        Assert.Equal(ConsultationErrorKind.InvalidInput, error?.Kind);
        Assert.Equal(["Bitte wählen Sie das Ergebnis der Beratung."], error!.Errors["outcome"]);
    }

    [Fact]
    public void Result_UndefinedOutcome_InvalidInput() =>
        Assert.Contains("outcome", new Sequence(Social).Schedule(Social, March12).Decide(new RecordConsultationResult(Social, (ConsultationOutcome)42)).Error!.Errors.Keys);

    [Fact]
    public void Result_NegativeVotes_InvalidInput() =>
        Assert.Equal(["Die Stimmenzahlen dürfen nicht negativ sein."],
            new Sequence(Social).Schedule(Social, March12).Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved, Votes: new VoteCount(3, -1, 0))).Error!.Errors["votes"]);

    [Theory]
    [InlineData(10_001, 0, 0)]
    [InlineData(0, 0, int.MaxValue)]
    public void Result_MoreVotesThanAnyCouncil_InvalidInput(int yes, int no, int abstain) =>
        Assert.Equal(["Eine Stimmenzahl darf höchstens 10.000 betragen."],
            new Sequence(Social).Schedule(Social, March12).Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved, Votes: new VoteCount(yes, no, abstain))).Error!.Errors["votes"]);

    [Fact]
    public void Result_VotesAtTheLimit_Recorded() =>
        Assert.Null(new Sequence(Social).Schedule(Social, March12)
            .Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved, Votes: new VoteCount(VoteCount.MaxPerChoice, 0, 0))).Error);

    [Fact]
    public void Result_WrongInputForDecidedMotion_InputErrorFirst()
    {
        var sequence = new Sequence().Meets(Council, March12, ConsultationOutcome.Approved);

        Assert.Equal(ConsultationErrorKind.InvalidInput, sequence.Decide(new RecordConsultationResult(null, null)).Error?.Kind);
        Assert.Equal(ConsultationErrorKind.Conflict, sequence.Decide(new RecordConsultationResult(Council, ConsultationOutcome.Approved)).Error?.Kind);
    }

    [Fact]
    public void Result_Postponed_ClearsDateAndWaitsForANewOne()
    {
        var sequence = new Sequence(Social, Finance).Meets(Social, March12, ConsultationOutcome.Postponed);

        var current = sequence.State.Current!;
        Assert.Equal((Social, (DateOnly?)null, (ConsultationOutcome?)ConsultationOutcome.Postponed), (current.OrganizationId, current.MeetingDate, current.Outcome));
        var error = sequence.Decide(new RecordConsultationResult(Social, ConsultationOutcome.Approved)).Error;
        Assert.Equal("Die Beratung im Ausschuss für Soziales, Integration und Gleichstellung wurde vertagt. Bitte tragen Sie zuerst den neuen Sitzungstermin ein.", error?.Detail);
    }

    [Fact]
    public void Result_PostponedThenRescheduled_OutcomeOpenAgain()
    {
        var sequence = new Sequence(Social).Meets(Social, March12, ConsultationOutcome.Postponed).Schedule(Social, new DateOnly(2026, 3, 19));

        Assert.Null(sequence.State.Current!.Outcome);
        Assert.Equal(new DateOnly(2026, 3, 19), sequence.State.Current.MeetingDate);
    }

    [Fact]
    public void Result_CouncilApproved_Decided()
    {
        var sequence = new Sequence(Social).Meets(Social, new DateOnly(2026, 3, 2), ConsultationOutcome.Approved).Schedule(Council, March12);

        var decision = sequence.Decide(new RecordConsultationResult(Council, ConsultationOutcome.Approved));

        Assert.Equal(new MotionDecided(1, Council, ConsultationOutcome.Approved, March12, Sequence.OriginalText), decision.Events[^1]);
        Assert.True(sequence.State.IsDecided);
        Assert.Equal(MotionStage.Decided, sequence.State.Stage);
        Assert.Equal(ConsultationOutcome.Approved, sequence.State.Decision);
    }

    [Theory]
    [InlineData(ConsultationOutcome.Rejected)]
    [InlineData(ConsultationOutcome.Noted)]
    public void Result_CouncilRejectedOrNoted_AlsoEndsTheProcess(ConsultationOutcome outcome)
    {
        var sequence = new Sequence().Meets(Council, March12, outcome);

        Assert.Equal(outcome, sequence.State.Decision);
    }

    [Fact]
    public void Result_CouncilPostponed_NotDecided()
    {
        var sequence = new Sequence().Schedule(Council, March12);

        var decision = sequence.Decide(new RecordConsultationResult(Council, ConsultationOutcome.Postponed));

        Assert.DoesNotContain(decision.Events, e => e is MotionDecided);
        Assert.Equal(MotionStage.Council, sequence.State.Stage);
        Assert.Null(sequence.State.Decision);
    }

    [Fact]
    public void Result_AfterDecision_Conflict() =>
        Assert.Equal(ConsultationErrorKind.Conflict,
            new Sequence().Meets(Council, March12, ConsultationOutcome.Approved).Decide(new RecordConsultationResult(Council, ConsultationOutcome.Rejected)).Error?.Kind);
}
