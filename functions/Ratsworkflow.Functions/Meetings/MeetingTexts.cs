using System.Globalization;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>How pages, mails and documents name a meeting in German, e.g. "am 18.12.2026 um 17:00 Uhr".</summary>
public static class MeetingTexts
{
    /// <summary>"18.12.2026"</summary>
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"17:00 Uhr"</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture) + " Uhr";

    /// <summary>"am 18.12.2026 um 17:00 Uhr", or "am 18.12.2026" while the time is open.</summary>
    public static string When(Meeting meeting) =>
        "am " + Date(meeting.Date) + (meeting.StartTime is { } time ? " um " + Time(time) : "");

    /// <summary>"Sitzung des Rates am 18.12.2026": the meeting's name in lists, OParl and calendars.</summary>
    public static string Name(Meeting meeting, OrganizationCatalog catalog) =>
        $"Sitzung: {catalog.NameOf(meeting.OrganizationId)} am {Date(meeting.Date)}";
}
