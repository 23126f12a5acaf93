using Ratsworkflow.Functions.Consultations;
using Xunit;
using static Ratsworkflow.Functions.Tests.Organizations.TestCatalog;

namespace Ratsworkflow.Functions.Tests.Consultations;

/// <summary>The Beratungsfolge with meetings: a schedule names its meeting, and a motion follows its meeting when it moves or is cancelled.</summary>
public class MeetingConsultationTests
{
    private static readonly DateOnly March12 = new(2026, 3, 12);
    private static readonly DateOnly April2 = new(2026, 4, 2);
    private const string Meeting = "ausschuss-soziales.0000aaaa";
    private const string OtherMeeting = "ausschuss-soziales.0000bbbb";

    [Fact]
    public void Schedule_OnAMeeting_RecordsTheMeeting()
    {
        var sequence = new Sequence(Social);

        var decision = sequence.Decide(new ScheduleConsultation(Social, April2, Meeting));

        Assert.Equal([new ConsultationScheduled(0, Social, April2, null, Meeting)], decision.Events);
        Assert.Equal(Meeting, sequence.State.Current!.MeetingId);
    }

    [Fact]
    public void Schedule_SameMeetingAgain_AcceptedWithoutEvents()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, April2, Meeting));

        Assert.Empty(sequence.Decide(new ScheduleConsultation(Social, April2, Meeting)).Events);
    }

    [Fact]
    public void Schedule_SameDateWithoutMeetingBefore_LinksTheMeetingWithoutMovingIt()
    {
        var sequence = new Sequence(Social).Schedule(Social, April2);

        var scheduled = Assert.IsType<ConsultationScheduled>(Assert.Single(sequence.Decide(new ScheduleConsultation(Social, April2, Meeting)).Events));

        Assert.True(scheduled.DateUnchanged);
        Assert.Equal(Meeting, sequence.State.Current!.MeetingId);
    }

    [Fact]
    public void Schedule_OnAnotherMeeting_MovesTheMotionAndNamesThePreviousDate()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, March12, Meeting));

        var decision = sequence.Decide(new ScheduleConsultation(Social, April2, OtherMeeting));

        Assert.Equal([new ConsultationScheduled(0, Social, April2, March12, OtherMeeting)], decision.Events);
    }

    [Fact]
    public void Follow_MeetingMoved_MotionMovesWithIt()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, March12, Meeting));

        var decision = sequence.Decide(new FollowMeeting(Social, Meeting, April2));

        Assert.Equal([new ConsultationScheduled(0, Social, April2, March12, Meeting)], decision.Events);
        Assert.Equal((April2, Meeting), (sequence.State.Current!.MeetingDate!.Value, sequence.State.Current.MeetingId));
    }

    [Fact]
    public void Follow_MeetingCancelled_MotionWaitsForANewDate()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, March12, Meeting));

        var decision = sequence.Decide(new FollowMeeting(Social, Meeting, March12, Cancelled: true));

        Assert.Equal([new ConsultationUnscheduled(0, Social, March12, Meeting)], decision.Events);
        Assert.Null(sequence.State.Current!.MeetingDate);
        Assert.Null(sequence.State.Current.MeetingId);
        Assert.Null(sequence.State.Current.Outcome);
    }

    [Fact]
    public void Follow_MotionOnAnotherMeeting_NothingHappens()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, March12, OtherMeeting));

        Assert.Empty(sequence.Decide(new FollowMeeting(Social, Meeting, April2)).Events);
        Assert.Empty(sequence.Decide(new FollowMeeting(Social, Meeting, April2, Cancelled: true)).Events);
        Assert.Equal(OtherMeeting, sequence.State.Current!.MeetingId);
    }

    [Fact]
    public void Follow_AfterTheResult_NothingHappens()
    {
        var sequence = new Sequence(Social, Administrative);
        sequence.Decide(new ScheduleConsultation(Social, March12, Meeting));
        sequence.Result(Social, ConsultationOutcome.Approved);

        var decision = sequence.Decide(new FollowMeeting(Social, Meeting, April2, Cancelled: true));

        Assert.True(decision.IsAccepted);
        Assert.Empty(decision.Events);
        Assert.Equal(Meeting, sequence.State.Consultations[0].MeetingId);
    }

    [Fact]
    public void Follow_SameDateAgain_NothingHappens()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, March12, Meeting));

        Assert.Empty(sequence.Decide(new FollowMeeting(Social, Meeting, March12)).Events);
    }

    [Fact]
    public void Follow_WithoutMeeting_IsInvalid()
    {
        var decision = new Sequence(Social).Decide(new FollowMeeting(Social, null));

        Assert.Equal(ConsultationErrorKind.InvalidInput, decision.Error!.Kind);
        Assert.Contains("meetingId", decision.Error.Errors.Keys);
    }

    [Fact]
    public void Postponed_LeavesTheMeeting()
    {
        var sequence = new Sequence(Social);
        sequence.Decide(new ScheduleConsultation(Social, March12, Meeting));

        sequence.Result(Social, ConsultationOutcome.Postponed);

        Assert.Null(sequence.State.Current!.MeetingId);
        Assert.Equal(ConsultationOutcome.Postponed, sequence.State.Current.Outcome);
    }

    [Fact]
    public void MoveProblem_BeforeThePreviousConsultation_SaysWhy()
    {
        var sequence = new Sequence(Social).Meets(Social, March12, ConsultationOutcome.Approved);
        sequence.Decide(new ScheduleConsultation(Council, April2, "rat.0000cccc"));

        Assert.Contains("vorherigen Beratung", ConsultationDecider.MoveProblem(sequence.State, "rat.0000cccc", March12.AddDays(-1), Sequence.Today), StringComparison.Ordinal);
        Assert.Null(ConsultationDecider.MoveProblem(sequence.State, "rat.0000cccc", April2.AddDays(20), Sequence.Today));
        Assert.Null(ConsultationDecider.MoveProblem(sequence.State, "rat.0000dddd", March12.AddDays(-1), Sequence.Today));
    }
}
