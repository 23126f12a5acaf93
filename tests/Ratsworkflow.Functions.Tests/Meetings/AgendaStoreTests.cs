using Azure.Data.Tables;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Meetings;

/// <summary>
/// Meetings and agendas in Azurite: one open meeting per body and day, gap-free TOP numbers, and every change guarded
/// by the meeting's ETag so concurrent writers (the workflow adding motions, a clerk reordering) never lose one.
/// Each test uses an organization of its own, so tests share the table without seeing each other.
/// </summary>
public sealed class AgendaStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Day = new(2026, 12, 18);
    private readonly MeetingStore _store = new(new TableServiceClient(azurite.ConnectionString), TimeProvider.System);
    private readonly string _body = AzuriteFixture.UniqueName("body");

    private AgendaKeeper Keeper => new(_store);

    [Fact]
    public async Task Create_SecondMeetingOfTheBodyOnTheSameDay_IsRefused()
    {
        var first = await CreateAsync(Day);

        var (written, _) = await _store.CreateAsync(NewMeeting(Day));

        Assert.Equal(MeetingWrite.DayTaken, written);
        Assert.Equal(first.Id, (await _store.OnDayAsync(_body, Day))!.Id);
    }

    [Fact]
    public async Task Place_ThreeMotions_NumberedInTheOrderTheyCame()
    {
        var meeting = await CreateAsync(Day);

        foreach (var motion in new[] { "m3", "m1", "m2" })
        {
            Assert.Equal(Placement.Placed, (await Keeper.PlaceAsync(meeting.Id, Entry(motion))).Result);
        }

        var agenda = (await _store.GetAgendaAsync(meeting.Id))!;
        Assert.Equal([(1, "m3"), (2, "m1"), (3, "m2")], agenda.Items.Select(i => (i.Number, i.MotionId)));
    }

    [Fact]
    public async Task Place_SameMotionTwice_StaysOnceAtItsPlace()
    {
        var meeting = await CreateAsync(Day);
        await Keeper.PlaceAsync(meeting.Id, Entry("m1"));
        await Keeper.PlaceAsync(meeting.Id, Entry("m2"));

        // The workflow step ran again (its completion was lost).
        await Keeper.PlaceAsync(meeting.Id, Entry("m1"));

        var agenda = (await _store.GetAgendaAsync(meeting.Id))!;
        Assert.Equal(["m1", "m2"], agenda.Items.Select(i => i.MotionId));
    }

    [Fact]
    public async Task Place_TwelveMotionsAtOnce_EachGetsItsOwnNumber()
    {
        var meeting = await CreateAsync(Day);

        await Task.WhenAll(Enumerable.Range(1, 12).Select(i => Keeper.PlaceAsync(meeting.Id, Entry($"m{i:D2}"))));

        var agenda = (await _store.GetAgendaAsync(meeting.Id))!;
        Assert.Equal(Enumerable.Range(1, 12), agenda.Items.Select(i => i.Number));
        Assert.Equal(12, agenda.Items.Select(i => i.MotionId).Distinct().Count());
        Assert.Equal(12, agenda.Items.Select(i => i.Entry.Order).Distinct().Count());
    }

    [Fact]
    public async Task Leave_MiddleMotion_TheOnesAfterItMoveUpWithoutAGap()
    {
        var meeting = await CreateAsync(Day);
        foreach (var motion in new[] { "m1", "m2", "m3", "m4" })
        {
            await Keeper.PlaceAsync(meeting.Id, Entry(motion));
        }

        await Keeper.LeaveAsync(meeting.Id, "m2");
        await Keeper.LeaveAsync(meeting.Id, "m2");

        var agenda = (await _store.GetAgendaAsync(meeting.Id))!;
        Assert.Equal([(1, "m1"), (2, "m3"), (3, "m4")], agenda.Items.Select(i => (i.Number, i.MotionId)));
    }

    [Fact]
    public async Task Leave_MotionWithItsResult_StaysOnTheAgenda()
    {
        var meeting = await CreateAsync(Day);
        await Keeper.PlaceAsync(meeting.Id, Entry("m1"));
        await Keeper.RecordAsync(meeting.Id, "m1", new AgendaResult(ConsultationOutcome.Postponed, null, "Text", DateTimeOffset.UtcNow));

        await Keeper.LeaveAsync(meeting.Id, "m1");

        Assert.Equal(ConsultationOutcome.Postponed, Assert.Single((await _store.GetAgendaAsync(meeting.Id))!.Items).Entry.Outcome);
    }

    [Fact]
    public async Task Record_Result_StoresItAndTheMeetingCountsAsHeld()
    {
        var meeting = await CreateAsync(Day);
        await Keeper.PlaceAsync(meeting.Id, Entry("m1"));
        var result = new AgendaResult(ConsultationOutcome.Amended, new VoteCount(9, 3, 1), "Geänderter Text", DateTimeOffset.UtcNow);

        await Keeper.RecordAsync(meeting.Id, "m1", result);
        await Keeper.RecordAsync(meeting.Id, "m1", result with { RecordedAt = DateTimeOffset.UtcNow.AddMinutes(1) });

        var agenda = (await _store.GetAgendaAsync(meeting.Id))!;
        var entry = Assert.Single(agenda.Items).Entry;
        Assert.Equal((ConsultationOutcome.Amended, new VoteCount(9, 3, 1), "Geänderter Text"), (entry.Outcome!.Value, entry.Votes!, entry.ResolutionText!));
        Assert.Equal(MeetingState.Held, agenda.Meeting.State);
    }

    [Fact]
    public async Task Commit_ReorderIntoTwoParts_PublicPartFirstAndNumbersGapFree()
    {
        var meeting = await CreateAsync(Day);
        foreach (var motion in new[] { "m1", "m2", "m3", "m4" })
        {
            await Keeper.PlaceAsync(meeting.Id, Entry(motion));
        }
        var agenda = (await _store.GetAgendaAsync(meeting.Id))!;
        var order = new[] { ("m4", true), ("m2", false), ("m1", true), ("m3", true) };

        var entries = order.Select((o, i) => agenda.Find(o.Item1)!.Entry with { Order = i + 1, Public = o.Item2 }).ToList();
        var (written, _) = await _store.CommitAsync(agenda.Meeting, agenda.Meeting, upsert: entries);

        Assert.Equal(MeetingWrite.Written, written);
        var reordered = (await _store.GetAgendaAsync(meeting.Id))!;
        Assert.Equal([(1, "m4"), (2, "m1"), (3, "m3"), (4, "m2")], reordered.Items.Select(i => (i.Number, i.MotionId)));
        Assert.Equal(["m2"], reordered.NonPublicPart.Select(i => i.MotionId));
    }

    [Fact]
    public async Task Commit_FromAnOutdatedRead_IsStaleAndChangesNothing()
    {
        var meeting = await CreateAsync(Day);
        var read = (await _store.GetAgendaAsync(meeting.Id))!;
        await Keeper.PlaceAsync(meeting.Id, Entry("m1"));

        var (written, _) = await _store.CommitAsync(read.Meeting, read.Meeting with { State = MeetingState.Cancelled });

        Assert.Equal(MeetingWrite.Stale, written);
        Assert.Equal(MeetingState.Planned, (await _store.GetAsync(meeting.Id))!.State);
    }

    [Fact]
    public async Task Commit_Move_FreesTheOldDayAndTakesTheNew()
    {
        var meeting = await CreateAsync(Day);

        var (written, moved) = await _store.CommitAsync(meeting, meeting with { Date = Day.AddDays(2) });

        Assert.Equal(MeetingWrite.Written, written);
        Assert.Null(await _store.OnDayAsync(_body, Day));
        Assert.Equal(meeting.Id, (await _store.OnDayAsync(_body, Day.AddDays(2)))!.Id);
        Assert.Equal(meeting.Version + 1, moved!.Version);
    }

    [Fact]
    public async Task Commit_MoveOntoADayWithAnotherMeeting_IsRefused()
    {
        var meeting = await CreateAsync(Day);
        await CreateAsync(Day.AddDays(7));

        var (written, _) = await _store.CommitAsync(meeting, meeting with { Date = Day.AddDays(7) });

        Assert.Equal(MeetingWrite.DayTaken, written);
        Assert.Equal(Day, (await _store.GetAsync(meeting.Id))!.Date);
    }

    [Fact]
    public async Task Cancelled_MeetingTakesNoMotionsAndFreesItsDay()
    {
        var meeting = await CreateAsync(Day);
        await _store.CommitAsync(meeting, meeting with { State = MeetingState.Cancelled });

        var placed = await Keeper.PlaceAsync(meeting.Id, Entry("m1"));
        var (written, _) = await _store.CreateAsync(NewMeeting(Day));

        Assert.Equal(Placement.Cancelled, placed.Result);
        Assert.Equal(MeetingWrite.Written, written);
    }

    [Fact]
    public async Task List_FromTo_OnlyTheBodysMeetingsInTheRange()
    {
        await CreateAsync(Day);
        await CreateAsync(Day.AddDays(14));
        await CreateAsync(Day.AddDays(28));

        var listed = await _store.ListAsync(_body, Day.AddDays(1), Day.AddDays(28));

        Assert.Equal([Day.AddDays(14), Day.AddDays(28)], listed.Select(m => m.Date));
    }

    [Fact]
    public void OrganizationOf_OnlyWellFormedIds()
    {
        Assert.Equal("ausschuss-soziales", Meeting.OrganizationOf("ausschuss-soziales.0a1b2c3d"));
        Assert.Null(Meeting.OrganizationOf("ausschuss-soziales.0A1B2C3D"));
        Assert.Null(Meeting.OrganizationOf("ausschuss-soziales"));
        Assert.Null(Meeting.OrganizationOf(".0a1b2c3d"));
        Assert.Null(Meeting.OrganizationOf("../x.0a1b2c3d"));
    }

    private async Task<Meeting> CreateAsync(DateOnly date)
    {
        var (written, meeting) = await _store.CreateAsync(NewMeeting(date));
        Assert.Equal(MeetingWrite.Written, written);
        return meeting!;
    }

    private Meeting NewMeeting(DateOnly date) => new(Meeting.NewId(_body), _body, date, new TimeOnly(17, 0), "Ratssaal", MeetingState.Planned, default, default);

    private static AgendaEntry Entry(string motionId) =>
        new(motionId, 0, Public: true, "A/2026/" + motionId, "Antrag " + motionId, "spd", 1, IsCouncil: false, DateTimeOffset.UtcNow);
}
