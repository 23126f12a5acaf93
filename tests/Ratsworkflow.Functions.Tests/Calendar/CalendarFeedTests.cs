using System.Net;
using Ical.Net.DataTypes;
using Ratsworkflow.Functions.Tests.OParl;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Calendar;

[Collection(OpenDataCollection.Name)]
public sealed class CalendarFeedTests(OpenDataApp app)
{
    [Fact]
    public async Task Committee_Feed_HasEachMeetingOnceAtItsStartWithPlaceAndNumberedAgenda()
    {
        var (calendar, _) = await LoadAsync("/kalender/gremium/ausschuss-soziales.ics");

        var meetings = calendar.Events.OrderBy(e => e.Start!.Date).ToList();
        Assert.Equal(
            SampleMotions.Meetings.Where(m => m.Organization == "ausschuss-soziales").Select(m => m.Date),
            meetings.Select(e => e.Start!.Date));
        var december = meetings[^1];
        Assert.Equal($"sitzung-{app.Samples.MeetingsByDay[("ausschuss-soziales", new DateOnly(2026, 12, 1))].Id}@ratsworkflow.test", december.Uid);
        Assert.Equal(new DateTime(2026, 12, 1, 17, 0, 0), december.Start!.Value);
        Assert.Equal("Europe/Berlin", december.Start.TzId);
        Assert.Equal("Neues Rathaus, Ratssaal", december.Location);
        Assert.Equal("Sitzung: Ausschuss für Soziales, Integration und Gleichstellung", december.Summary);
        Assert.StartsWith($"TOP 1: {app.Samples.Scheduled.Reference} ", december.Description, StringComparison.Ordinal);
        Assert.Contains($"TOP 2 (nichtöffentlich): {app.Samples.Referred.Reference} ", december.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Samples.Withdrawn.Reference!, december.Description, StringComparison.Ordinal);
        Assert.Contains("(ungeändert empfohlen)", meetings[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_Feed_KeepsACancelledMeetingMarkedCancelled()
    {
        var (calendar, _) = await LoadAsync($"/kalender/gremium/{SampleMotions.Cancelled.Organization}.ics");

        var cancelled = calendar.Events.Single(e => e.Uid == $"sitzung-{app.Samples.MeetingsByDay[SampleMotions.Cancelled].Id}@ratsworkflow.test");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.StartsWith("Abgesagt: ", cancelled.Summary, StringComparison.Ordinal);
        Assert.Null(calendar.Events.Single(e => e.Start!.Date == new DateOnly(2026, 12, 1)).Status);
    }

    [Fact]
    public async Task Beirat_Feed_HasTheVoteDeadlinesInBerlinTime()
    {
        var (calendar, text) = await LoadAsync("/kalender/gremium/integrationsrat.ics");

        var deadline = calendar.Events.Single(e => e.Uid == $"frist-beirat-{app.Samples.BeiratPending.MotionId}-1@ratsworkflow.test");
        Assert.Equal("Europe/Berlin", deadline.Start!.TzId);
        Assert.Equal(new DateTime(2026, 12, 7, 12, 0, 0), deadline.Start.Value);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Contains("TZID:Europe/Berlin", text, StringComparison.Ordinal);
        Assert.Equal(2, calendar.Events.Count);
    }

    [Fact]
    public async Task Faction_Feed_HasOnlyItsOwnMotionsConsultations()
    {
        var (calendar, _) = await LoadAsync("/kalender/fraktion/cdu.ics");

        var decided = app.Samples.Decided;
        Assert.Equal(
            [$"beratung-{decided.MotionId}-ausschuss-finanzen-1@ratsworkflow.test", $"beratung-{decided.MotionId}-rat-1@ratsworkflow.test"],
            calendar.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));
        var council = calendar.Events.Single(e => e.Uid!.Contains("-rat-", StringComparison.Ordinal));
        Assert.Equal($"{decided.Reference} in: Rat der Stadt Göttingen", council.Summary);
        Assert.Equal(new Uri($"{OpenDataApp.PublicBaseUrl}/antraege/{decided.MotionId}"), council.Url);
        Assert.Equal(new DateTime(2026, 10, 20, 17, 0, 0), council.Start!.Value);
        Assert.Equal("Neues Rathaus, Ratssaal", council.Location);
    }

    [Fact]
    public async Task Feeds_SameData_AreTheSameBytes()
    {
        var first = await app.Client.GetStringAsync("/kalender/fraktion/gruene.ics");
        var second = await app.Client.GetStringAsync("/kalender/fraktion/gruene.ics");

        Assert.Equal(first, second);
        Assert.DoesNotContain(SampleMotions.SecretTitle, first, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/kalender/gremium/gibtsnicht.ics")]
    [InlineData("/kalender/gremium/spd.ics")]
    [InlineData("/kalender/fraktion/rat.ics")]
    public async Task Feed_UnknownOrWrongKind_IsNotFound(string path)
    {
        using var response = await app.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(Ical.Net.Calendar Calendar, string Text)> LoadAsync(string path)
    {
        using var response = await app.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return (Ical.Net.Calendar.Load(text)!, text);
    }
}
