using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

public class ScheduleTests
{
    private static readonly DateOnly March12 = new(2026, 3, 12);
    private static readonly DateOnly April2 = new(2026, 4, 2);

    [Fact]
    public void Schedule_CurrentCommittee_Scheduled()
    {
        var sequence = new Sequence(Social, Administrative);

        var decision = sequence.Decide(new ScheduleConsultation(Social, April2));

        Assert.Equal([new ConsultationScheduled(0, Social, April2, null)], decision.Events);
        Assert.Equal(April2, sequence.State.Current!.MeetingDate);
        Assert.Equal(MotionStage.Consultation, sequence.State.Stage);
    }

    [Fact]
    public void Schedule_MeetingMoved_EventNamesPreviousDate()
    {
        var sequence = new Sequence(Social).Schedule(Social, March12);

        var decision = sequence.Decide(new ScheduleConsultation(Social, April2));

        Assert.Equal([new ConsultationScheduled(0, Social, April2, March12)], decision.Events);
    }

    [Fact]
    public void Schedule_SameDateAgain_AcceptedWithoutEvents()
    {
        var sequence = new Sequence(Social).Schedule(Social, April2);

        var decision = sequence.Decide(new ScheduleConsultation(Social, April2));

        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Schedule_PastDateForLateEntry_Accepted() =>
        Assert.True(new Sequence(Social).Decide(new ScheduleConsultation(Social, new DateOnly(2026, 2, 1))).IsAccepted);

    [Fact]
    public void Schedule_NoCommittees_CouncilIsCurrent()
    {
        var sequence = new Sequence();

        Assert.Equal(MotionStage.Council, sequence.State.Stage);
        Assert.True(sequence.Decide(new ScheduleConsultation(Council, April2)).IsAccepted);
    }

    [Fact]
    public void Schedule_LaterCommittee_ConflictNotYetItsTurn()
    {
        var error = new Sequence(Social, Finance).Decide(new ScheduleConsultation(Finance, April2)).Error;

        Assert.Equal(ConsultationErrorKind.Conflict, error?.Kind);
        Assert.Equal("Der Ausschuss für Finanzen ist noch nicht an der Reihe. Der Antrag liegt derzeit beim Ausschuss für Soziales, Integration und Gleichstellung.", error?.Detail);
        Assert.Empty(error!.Errors);
    }

    [Fact]
    public void Schedule_CouncilBeforeCommittees_Conflict() =>
        Assert.Equal(ConsultationErrorKind.Conflict, new Sequence(Social).Decide(new ScheduleConsultation(Council, April2)).Error?.Kind);

    [Fact]
    public void Schedule_CommitteeThatHasFinished_ConflictAlreadyDone()
    {
        var sequence = new Sequence(Social, Finance).Meets(Social, March12, ConsultationOutcome.Approved);

        var error = sequence.Decide(new ScheduleConsultation(Social, April2)).Error;

        Assert.Equal("Der Ausschuss für Soziales, Integration und Gleichstellung hat seine Beratung bereits abgeschlossen. Der Antrag liegt derzeit beim Ausschuss für Finanzen.", error?.Detail);
    }

    [Fact]
    public void Schedule_CommitteeOutsideTheSequence_Conflict()
    {
        var error = new Sequence(Social).Decide(new ScheduleConsultation(Finance, April2)).Error;

        Assert.Equal(ConsultationErrorKind.Conflict, error?.Kind);
        Assert.StartsWith("Der Ausschuss für Finanzen gehört nicht zur Beratungsfolge dieses Antrags.", error?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedule_UnknownOrganization_InvalidInputForField()
    {
        var error = new Sequence(Social).Decide(new ScheduleConsultation("bauausschuss", April2)).Error;

        Assert.Equal(ConsultationErrorKind.InvalidInput, error?.Kind);
        Assert.Equal(["„bauausschuss“ ist kein bekanntes Gremium."], error!.Errors["organizationId"]);
        Assert.Equal("„bauausschuss“ ist kein bekanntes Gremium.", error.Detail);
    }

    [Fact]
    public void Schedule_NothingGiven_InvalidInputPerField()
    {
        var error = new Sequence(Social).Decide(new ScheduleConsultation(null, null)).Error;

        Assert.Equal(ConsultationErrorKind.InvalidInput, error?.Kind);
        Assert.Equal("Bitte prüfen Sie die markierten Angaben.", error?.Detail);
        Assert.Equal(["Bitte geben Sie das Gremium an."], error!.Errors["organizationId"]);
        Assert.Equal(["Bitte geben Sie das Datum der Sitzung an."], error.Errors["meetingDate"]);
    }

    [Fact]
    public void Schedule_BeforePreviousConsultationsMeeting_InvalidDate()
    {
        var sequence = new Sequence(Social, Finance).Meets(Social, March12, ConsultationOutcome.Approved);

        var error = sequence.Decide(new ScheduleConsultation(Finance, new DateOnly(2026, 3, 11))).Error;

        Assert.Equal(["Die Sitzung kann nicht vor der vorherigen Beratung am 12.03.2026 liegen."], error!.Errors["meetingDate"]);
    }

    [Fact]
    public void Schedule_SameDayAsPreviousConsultation_Accepted()
    {
        var sequence = new Sequence(Social, Finance).Meets(Social, March12, ConsultationOutcome.Approved);

        Assert.True(sequence.Decide(new ScheduleConsultation(Finance, March12)).IsAccepted);
    }

    [Fact]
    public void Schedule_MoreThanTwoYearsAhead_InvalidDate()
    {
        var error = new Sequence(Social).Decide(new ScheduleConsultation(Social, new DateOnly(2062, 3, 12))).Error;

        Assert.Equal(ConsultationErrorKind.InvalidInput, error?.Kind);
        Assert.Equal(["Der 12.03.2062 liegt mehr als zwei Jahre in der Zukunft. Bitte prüfen Sie das Datum."], error!.Errors["meetingDate"]);
    }

    [Fact]
    public void Schedule_AfterCouncilDecided_Conflict()
    {
        var sequence = new Sequence().Meets(Council, March12, ConsultationOutcome.Approved);

        var error = sequence.Decide(new ScheduleConsultation(Council, April2)).Error;

        Assert.Equal(ConsultationErrorKind.Conflict, error?.Kind);
        Assert.Equal("Der Rat hat über den Antrag bereits entschieden; die Beratung ist abgeschlossen.", error?.Detail);
    }

    [Fact]
    public void Decide_UnknownCommand_Throws() =>
        Assert.Throws<ArgumentException>(() => new Sequence().Decide(new OtherCommand()));

    private sealed record OtherCommand() : ConsultationCommand(Council);
}
