using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.OParl;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Calendar;

/// <summary>
/// iCalendar feeds from the meetings and the public motions: an organization's meetings (with start and place once
/// fixed, else all-day; cancelled ones stay in the feed as cancelled, so subscribers see it) and Beirat vote deadlines;
/// a faction's motions in every meeting that consults them and their Beirat deadlines. UIDs are built from stable keys,
/// so a calendar that subscribes updates its events instead of duplicating them; times are in the body's zone
/// (Europe/Berlin) with its VTIMEZONE.
/// </summary>
public sealed class CalendarFeed(OrganizationCatalog catalog, OParlUrls urls)
{
    private readonly string _host = new Uri(urls.Base).Host;

    /// <summary>Meetings of a committee or the council with their agendas, and a Beirat's vote deadlines.</summary>
    public string ForOrganization(Organization organization, IReadOnlyList<Agenda> agendas, IReadOnlyList<PublicMotion> motions)
    {
        var calendar = Create($"{organization.Name} – Sitzungen und Fristen");
        foreach (var agenda in agendas.Where(a => a.Meeting.OrganizationId == organization.Id))
        {
            var items = agenda.Items.Select(i =>
                $"TOP {i.Number}{(i.Entry.Public ? "" : " (nichtöffentlich)")}: {i.Entry.Reference} {i.Entry.Title}{Result(i.Entry)} – " +
                $"{urls.Web(i.MotionId)}");
            calendar.Events.Add(MeetingEvent($"sitzung-{agenda.Meeting.Id}", agenda.Meeting, $"Sitzung: {organization.Name}",
                string.Join("\n", items), agenda.Meeting.Modified, url: null));
        }
        foreach (var entry in motions.SelectMany(PaperModel.Entries).Where(e => e.OrganizationId == organization.Id && e.IsBeirat))
        {
            calendar.Events.Add(Deadline(entry));
        }
        return Serialize(calendar);
    }

    /// <summary>Where the faction's motions are consulted, and the Beirat deadlines of its motions.</summary>
    /// <param name="meetings">The meetings by id, for their start and place.</param>
    public string ForFaction(Organization faction, IReadOnlyList<PublicMotion> motions, IReadOnlyDictionary<string, Meeting> meetings)
    {
        var calendar = Create($"{faction.Name} – Anträge in den Gremien");
        foreach (var entry in motions.Where(m => m.FactionId == faction.Id).SelectMany(PaperModel.Entries))
        {
            if (entry.IsBeirat)
            {
                calendar.Events.Add(Deadline(entry));
            }
            else if (entry.Step?.MeetingDate is { } date)
            {
                var key = $"beratung-{entry.Motion.MotionId}-{entry.OrganizationId}-{entry.Occurrence}";
                var summary = $"{entry.Motion.Reference} in: {catalog.NameOf(entry.OrganizationId)}";
                var description = entry.Motion.Title + Suffix(entry);
                calendar.Events.Add(entry.MeetingId is { } id && meetings.TryGetValue(id, out var meeting)
                    ? MeetingEvent(key, meeting with { State = MeetingState.Planned }, summary, description, entry.Motion.UpdatedAt,
                        urls.Web(entry.Motion.MotionId))
                    : AllDay(key, date, summary, description, entry.Motion.UpdatedAt, urls.Web(entry.Motion.MotionId)));
            }
        }
        return Serialize(calendar);
    }

    private Ical.Net.Calendar Create(string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = $"-//Ratsworkflow//{catalog.Body.Name}//DE", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", catalog.Body.TimeZone);
        calendar.AddTimeZone(catalog.Body.TimeZone);
        return calendar;
    }

    /// <summary>At its start time in the body's zone once fixed (without an end: the workflow does not know it), else all day.</summary>
    private CalendarEvent MeetingEvent(string key, Meeting meeting, string summary, string description, DateTimeOffset modified, string? url)
    {
        var item = meeting.StartTime is { } time
            ? Stamped(new CalendarEvent
            {
                Uid = $"{key}@{_host}",
                Start = new CalDateTime(meeting.Date.ToDateTime(time), catalog.Body.TimeZone),
                Summary = summary,
                Description = description,
            }, modified, url)
            : AllDay(key, meeting.Date, summary, description, modified, url);
        item.Location = meeting.Place;
        if (meeting.State == MeetingState.Cancelled)
        {
            item.Status = "CANCELLED";
            item.Summary = "Abgesagt: " + item.Summary;
        }
        return item;
    }

    private CalendarEvent AllDay(string key, DateOnly date, string summary, string description, DateTimeOffset modified, string? url)
    {
        var item = new CalendarEvent
        {
            Uid = $"{key}@{_host}",
            Start = new CalDateTime(date),
            End = new CalDateTime(date.AddDays(1)),
            Summary = summary,
            Description = description,
            Transparency = "TRANSPARENT",
        };
        return Stamped(item, modified, url);
    }

    /// <summary>The moment the Beirat's vote closes at the latest, as a point in the body's local time.</summary>
    private CalendarEvent Deadline(ConsultationEntry entry)
    {
        var beirat = entry.Motion.Beirat!;
        var local = TimeZoneInfo.ConvertTime(beirat.Deadline, TimeZoneInfo.FindSystemTimeZoneById(catalog.Body.TimeZone)).DateTime;
        var at = new CalDateTime(local, catalog.Body.TimeZone);
        var item = new CalendarEvent
        {
            Uid = $"frist-beirat-{entry.Motion.MotionId}-{beirat.Round}@{_host}",
            Start = at,
            End = at,
            Summary = $"Frist {catalog.NameOf(beirat.OrganizationId)}: {entry.Motion.Reference}",
            Description = $"Abstimmung über den Antrag „{entry.Motion.Title}“ endet spätestens am " +
                $"{GermanFormat.DateTime(beirat.Deadline)}.{Suffix(entry)}",
            Transparency = "TRANSPARENT",
        };
        return Stamped(item, entry.Motion.UpdatedAt, urls.Web(entry.Motion.MotionId));
    }

    private static CalendarEvent Stamped(CalendarEvent item, DateTimeOffset modified, string? url)
    {
        // DTSTAMP from the data, not the clock: the same data gives the same feed, byte for byte.
        item.DtStamp = new CalDateTime(modified.UtcDateTime, CalDateTime.UtcTzId);
        item.LastModified = new CalDateTime(modified.UtcDateTime, CalDateTime.UtcTzId);
        if (url is not null)
        {
            item.Url = new Uri(url);
        }
        return item;
    }

    private static string Result(AgendaEntry entry) =>
        entry.Outcome is { } outcome ? $" ({Consultations.ConsultationOutcomes.DisplayName(outcome, entry.IsCouncil)})" : "";

    private static string Suffix(ConsultationEntry entry) => PaperModel.Result(entry) is { } result ? $" ({result})" : "";

    private static string Serialize(Ical.Net.Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
