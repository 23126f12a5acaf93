using System.Globalization;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>The checks of a meeting's own fields, with German messages per JSON field.</summary>
internal static class MeetingInput
{
    public const int MaxPlace = 200;

    private static readonly TextRule PlaceRule = new("Der Ort", MaxPlace, Multiline: false, MissingMessage: null);

    public static void CheckOrganization(FieldErrors errors, string? organizationId, OrganizationCatalog catalog)
    {
        var organization = catalog.Find(organizationId);
        if (string.IsNullOrWhiteSpace(organizationId))
        {
            errors.Add("organizationId", "Bitte geben Sie das Gremium an.");
        }
        else if (organization is null)
        {
            errors.Add("organizationId", $"{InputText.Quote(organizationId)} ist kein bekanntes Gremium.");
        }
        else if (organization.Kind is not (OrganizationKind.Committee or OrganizationKind.Council))
        {
            errors.Add("organizationId", $"„{organization.Name}“ hält keine Sitzungen ab; Sitzungen gibt es für Ausschüsse und den Rat.");
        }
    }

    public static void CheckDate(FieldErrors errors, DateOnly? date, DateOnly today, bool required)
    {
        if (date is not { } day)
        {
            if (required)
            {
                errors.Add("date", "Bitte geben Sie das Datum der Sitzung an.");
            }
            return;
        }
        if (day > today.AddDays(ConsultationDecider.MaxDaysAhead))
        {
            errors.Add("date", $"Der {MeetingTexts.Date(day)} liegt mehr als zwei Jahre in der Zukunft. Bitte prüfen Sie das Datum.");
        }
        else if (day < today.AddDays(-ConsultationDecider.MaxDaysAhead))
        {
            errors.Add("date", $"Der {MeetingTexts.Date(day)} liegt mehr als zwei Jahre zurück. Bitte prüfen Sie das Datum.");
        }
    }

    /// <summary>"17:00" or "9:30"; an empty value is no time.</summary>
    public static TimeOnly? ParseTime(FieldErrors errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add("startTime", "Bitte geben Sie die Uhrzeit als Stunden und Minuten an, zum Beispiel 17:00.");
        return null;
    }

    public static string? Place(FieldErrors errors, string? text)
    {
        var place = InputText.Normalize(text, multiline: false);
        return InputText.Check(errors, "place", place, PlaceRule) && !string.IsNullOrEmpty(place) ? place : null;
    }
}
