using System.Globalization;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// The OParl meetings and agenda items (<see cref="MeetingModel"/>): the body's and each organization's lists (one
/// read per committee and the council), single objects (one query of their meeting), and the addresses these objects
/// had while meetings were derived from meeting dates, which now lead to the real meeting and TOP.
/// </summary>
internal static class OParlMeetingEndpoints
{
    public static RouteGroupBuilder MapMeetings(this RouteGroupBuilder oparl)
    {
        oparl.MapGet("/bodies/{bodyId}/meetings", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, null, c => OParlEndpoints.BodyList(c, bodyId, "meetings"), (c, agendas) => agendas.Select(c.Meetings.Meeting), ct));
        oparl.MapGet("/bodies/{bodyId}/agenda-items", (string bodyId, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, null, c => OParlEndpoints.BodyList(c, bodyId, "agenda-items"),
                (c, agendas) => agendas.SelectMany(a => a.Items.Select(i => c.Meetings.AgendaItem(a, i))), ct));
        oparl.MapGet("/organizations/{id}/meetings", (string id, HttpRequest r, OParlService s, CancellationToken ct) =>
            ListAsync(r, s, id, c => OParlEndpoints.OrganizationList(c, id, "meetings"), (c, agendas) => agendas.Select(c.Meetings.Meeting), ct));
        oparl.MapGet("/meetings/{meetingId}", MeetingAsync);
        oparl.MapGet("/agenda-items/{meetingId}/{motionId}", AgendaItemAsync);
        oparl.MapGet("/meetings/{organizationId}/{date}", FormerMeetingAsync);
        oparl.MapGet("/papers/{motionId}/consultations/{organizationId}/{occurrence:int}/agenda-item", FormerAgendaItemAsync);
        return oparl;
    }

    /// <param name="organizationId">One organization's meetings; null for the whole body's.</param>
    private static Task<IResult> ListAsync<T>(HttpRequest request, OParlService service, string? organizationId,
        Func<OParlContext, string?> url, Func<OParlContext, IReadOnlyList<Meetings.Agenda>, IEnumerable<T>> items, CancellationToken ct)
        where T : OParlObject =>
        OParlEndpoints.ListAsync(request, service, url, async c => items(c, await service.AgendasAsync(c.Catalog, organizationId, ct)), ct);

    private static async Task<IResult> MeetingAsync(string meetingId, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return await service.Meetings.GetAgendaAsync(meetingId, ct) is { } agenda
            ? OParlEndpoints.Ok(context.Meetings.Meeting(agenda))
            : OParlEndpoints.NotFound("Diese Sitzung gibt es nicht.");
    }

    private static async Task<IResult> AgendaItemAsync(string meetingId, string motionId, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return await service.Meetings.GetAgendaAsync(meetingId, ct) is { } agenda && agenda.Find(motionId) is { } item
            ? OParlEndpoints.Ok(context.Meetings.AgendaItem(agenda, item))
            : OParlEndpoints.NotFound("Diesen Tagesordnungspunkt gibt es nicht.");
    }

    /// <summary><c>/meetings/{organization}/{yyyy-MM-dd}</c>, the id of a meeting before meetings were planned: its meeting of that day.</summary>
    private static async Task<IResult> FormerMeetingAsync(string organizationId, string date, OParlService service, CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && context.Catalog.Find(organizationId) is not null
            && await service.Meetings.OnDayAsync(organizationId, day, ct) is { } meeting
                ? Results.Redirect(context.Urls.Meeting(meeting.Id), permanent: true)
                : OParlEndpoints.NotFound("Diese Sitzung gibt es nicht.");
    }

    /// <summary>A consultation's former agenda-item address: the TOP of the meeting the consultation is on now.</summary>
    private static async Task<IResult> FormerAgendaItemAsync(string motionId, string organizationId, int occurrence, OParlService service,
        CancellationToken ct)
    {
        var context = await service.ContextAsync(ct);
        var entry = await service.PublicRecordAsync(motionId, ct) is { } record
            ? PaperModel.Entries(Motions.PublicMotion.From(record))
                .FirstOrDefault(e => e.OrganizationId == organizationId && e.Occurrence == occurrence)
            : null;
        return entry?.MeetingId is { } meetingId
            ? Results.Redirect(context.Urls.AgendaItem(meetingId, motionId), permanent: true)
            : OParlEndpoints.NotFound("Diesen Tagesordnungspunkt gibt es nicht.");
    }
}
