using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Beirat;
using System.Globalization;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Email;

/// <summary>How the mails write dates and quotes: German, in the time zone of every page (<see cref="GermanFormat.TimeZone"/>).</summary>
internal static class German
{
    public static string FormatDate(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string FormatDate(DateTimeOffset instant) => Local(instant).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string FormatDateTime(DateTimeOffset instant) =>
        Local(instant).ToString("dd.MM.yyyy, HH:mm", CultureInfo.InvariantCulture) + " Uhr";

    /// <summary>
    /// An organization named in a sentence, with its article ("der Verwaltungsausschuss", "von der SPD-Ratsfraktion").
    /// Notifications carry names only, so the article follows the name's head noun (<see cref="OrganizationName"/>).
    /// </summary>
    public static OrganizationName Organization(string name) => OrganizationName.Of(name);

    /// <summary>German quotation marks around a name or title.</summary>
    public static string Quoted(string text) => $"„{text}“";

    /// <summary>Completes "Der Antrag wurde …": a committee recommends, only the council decides (docs/design.md §1).</summary>
    public static string OutcomePhrase(ConsultationOutcome outcome, bool council, string? referredTo) => outcome switch
    {
        ConsultationOutcome.Approved => council ? "unverändert beschlossen" : "unverändert zur Annahme empfohlen",
        ConsultationOutcome.Amended => council ? "mit Änderungen beschlossen" : "mit Änderungen zur Annahme empfohlen",
        ConsultationOutcome.Rejected => council ? "abgelehnt" : "zur Ablehnung empfohlen",
        ConsultationOutcome.Postponed => "vertagt",
        ConsultationOutcome.Referred =>
            (referredTo is null ? "" : $"an {Organization(referredTo).Accusative} ") + (council ? "zurückverwiesen" : "verwiesen"),
        ConsultationOutcome.Noted => "zur Kenntnis genommen",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static System.DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, GermanFormat.TimeZone).DateTime;
}
