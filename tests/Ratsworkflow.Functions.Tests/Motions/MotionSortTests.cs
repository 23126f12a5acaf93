using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Motions;

/// <summary>
/// The dashboard's other orders and its body filter: each an index partition kept in step on every save, so a sorted
/// page is still one range read.
/// </summary>
public sealed class MotionSortTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Dec18 = new(2026, 12, 18);
    private readonly MotionTables _motions = new(azurite.ConnectionString);

    [Fact]
    public async Task Sort_ByNextMeeting_ScheduledFirstByDayThenTheRestNewestFirst()
    {
        var unscheduled = await _motions.CreateAsync("Ohne Termin", minute: 3);
        var late = await ScheduleAsync(await _motions.CreateAsync("Später Termin", minute: 1), Dec18.AddDays(7));
        var early = await ScheduleAsync(await _motions.CreateAsync("Früher Termin", minute: 2), Dec18);

        var page = await _motions.Index.PageAsync(new MotionQuery(Sort: MotionSort.Meeting), default);

        Assert.Equal([early.MotionId, late.MotionId, unscheduled.MotionId], page.Items.Select(i => i.MotionId));
        Assert.Equal([Dec18, Dec18.AddDays(7), (DateOnly?)null], page.Items.Select(i => i.MeetingDate));
    }

    [Fact]
    public async Task Sort_MeetingMoved_TheMotionMovesInTheOrderAndLeavesNoRowBehind()
    {
        var first = await ScheduleAsync(await _motions.CreateAsync("Erster"), Dec18);
        var second = await ScheduleAsync(await _motions.CreateAsync("Zweiter", minute: 1), Dec18.AddDays(1));

        var moved = await ScheduleAsync(first, Dec18.AddDays(2));

        var page = await _motions.Index.PageAsync(new MotionQuery(Sort: MotionSort.Meeting), default);
        Assert.Equal([second.MotionId, moved.MotionId], page.Items.Select(i => i.MotionId));
    }

    [Fact]
    public async Task Sort_OldestFirstAndByDecision()
    {
        var older = await _motions.CreateAsync("Älterer");
        var newer = await _motions.CreateAsync("Neuerer", minute: 5);
        var decided = await SaveAsync(older, older with
        {
            Stage = MotionStage.Decided,
            Consultations = [new Consultation("rat", IsCouncil: true, Dec18, ConsultationOutcome.Approved, MeetingId: "rat.00000001")],
        });

        var oldest = await _motions.Index.PageAsync(new MotionQuery(Sort: MotionSort.Oldest), default);
        var byDecision = await _motions.Index.PageAsync(new MotionQuery(Sort: MotionSort.Decision), default);

        Assert.Equal([older.MotionId, newer.MotionId], oldest.Items.Select(i => i.MotionId));
        Assert.Equal([decided.MotionId, newer.MotionId], byDecision.Items.Select(i => i.MotionId));
        Assert.Equal(Dec18, byDecision.Items[0].DecisionDate);
    }

    [Fact]
    public async Task Filter_ByBody_ListsTheMotionsLyingWithItAndCarriesTheBeratungsfolge()
    {
        var social = await ScheduleAsync(await _motions.CreateAsync("Beim Ausschuss"), Dec18);
        await _motions.CreateAsync("Noch registriert", minute: 1);

        var page = await _motions.Index.PageAsync(new MotionQuery(OrganizationId: "ausschuss-soziales"), default);

        var item = Assert.Single(page.Items);
        Assert.Equal((social.MotionId, "ausschuss-soziales", "ausschuss-soziales.0000abcd"), (item.MotionId, item.CurrentBodyId!, item.MeetingId!));
        Assert.Equal([("ausschuss-soziales", (DateOnly?)Dec18), ("rat", null)], item.Consultations.Select(c => (c.OrganizationId, c.MeetingDate)));
    }

    private async Task<MotionRecord> ScheduleAsync(MotionRecord motion, DateOnly date) => await SaveAsync(motion, motion with
    {
        Stage = MotionStage.Consultation,
        Consultations = [new Consultation("ausschuss-soziales", IsCouncil: false, date, MeetingId: "ausschuss-soziales.0000abcd"), new Consultation("rat", IsCouncil: true)],
        ResolutionTexts = [new ResolutionTextVersion(1, "Text")],
    });

    private async Task<MotionRecord> SaveAsync(MotionRecord before, MotionRecord after)
    {
        await _motions.Store.SaveAsync(before, after, []);
        return after;
    }
}
