using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.OParl;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Calendar;

/// <summary>
/// iCalendar feeds from the public motions: an organization's meetings (all-day: the workflow knows the date of a
/// meeting, not its hour) and Beirat vote deadlines; a faction's motions in every meeting that consults them and
/// their Beirat deadlines. UIDs are built from stable keys, so a calendar that subscribes updates its events instead
/// of duplicating them; times are in the body's zone (Europe/Berlin) with its VTIMEZONE.
/// </summary>
public sealed class CalendarFeed(OrganizationCatalog catalog, OParlUrls urls)
{
    private readonly string _host = new Uri(urls.Base).Host;

    /// <summary>Meetings of a committee, the council or a Beirat, and the Beirat's vote deadlines.</summary>
    public string ForOrganization(Organization organization, IReadOnlyList<PublicMotion> motions)
    {
        var calendar = Create($"{organization.Name} – Sitzungen und Fristen");
        var entries = motions.SelectMany(PaperModel.Entries).Where(e => e.OrganizationId == organization.Id).ToList();
        foreach (var meeting in entries.Where(e => e.Meeting is not null).GroupBy(e => e.Meeting!.Date).OrderBy(g => g.Key))
        {
            var agenda = meeting.OrderBy(e => e.Motion.Reference, StringComparer.Ordinal).ThenBy(e => e.Occurrence).ToList();
            calendar.Events.Add(AllDay(
                $"sitzung-{organization.Id}-{meeting.Key:yyyyMMdd}",
                meeting.Key,
                $"Sitzung: {organization.Name}",
                string.Join("\n", agenda.Select(e => $"{e.Motion.Reference} {e.Motion.Title}{Suffix(e)} – {urls.Web(e.Motion.MotionId)}")),
                agenda.Max(e => e.Motion.UpdatedAt),
                url: null));
        }
        foreach (var entry in entries.Where(e => e.IsBeirat))
        {
            calendar.Events.Add(Deadline(entry));
        }
        return Serialize(calendar);
    }

    /// <summary>Where the faction's motions are consulted, and the Beirat deadlines of its motions.</summary>
    public string ForFaction(Organization faction, IReadOnlyList<PublicMotion> motions)
    {
        var calendar = Create($"{faction.Name} – Anträge in den Gremien");
        foreach (var entry in motions.Where(m => m.FactionId == faction.Id).SelectMany(PaperModel.Entries))
        {
            if (entry.IsBeirat)
            {
                calendar.Events.Add(Deadline(entry));
            }
            else if (entry.Meeting is { } meeting)
            {
                calendar.Events.Add(AllDay(
                    $"beratung-{entry.Motion.MotionId}-{entry.OrganizationId}-{entry.Occurrence}",
                    meeting.Date,
                    $"{entry.Motion.Reference} in: {catalog.NameOf(entry.OrganizationId)}",
                    entry.Motion.Title + Suffix(entry),
                    entry.Motion.UpdatedAt,
                    urls.Web(entry.Motion.MotionId)));
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
            Description = $"Abstimmung über den Antrag „{entry.Motion.Title}“ endet spätestens am {GermanFormat.DateTime(beirat.Deadline)}.{Suffix(entry)}",
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

    private static string Suffix(ConsultationEntry entry) => PaperModel.Result(entry) is { } result ? $" ({result})" : "";

    private static string Serialize(Ical.Net.Calendar calendar) => new CalendarSerializer().SerializeToString(calendar) ?? "";
}
