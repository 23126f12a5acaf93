using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary>The choices of a result form, the same on the motion page and per TOP in a meeting's results form.</summary>
public static class ResultChoices
{
    /// <summary>Wiedervorlage after …; the form's values are days, checked by <see cref="Workflow.FollowUpPeriod"/>.</summary>
    public static IReadOnlyList<SelectListItem> FollowUps { get; } =
    [
        new("nach 6 Monaten", "182"),
        new("nach 1 Jahr", "365"),
        new("nach 2 Jahren", "730"),
        new("nach 3 Jahren", "1095"),
        new("nach 5 Jahren", "1826"),
    ];

    /// <summary>Every outcome, named as the council or a committee records it.</summary>
    public static IReadOnlyList<SelectListItem> Outcomes(bool byCouncil) =>
    [
        .. Enum.GetValues<ConsultationOutcome>()
            .Select(o => new SelectListItem(OrganizationName.Capitalized(ConsultationOutcomes.DisplayName(o, byCouncil)), o.ToString())),
    ];

    /// <summary>The committees a motion can be referred to: all but the one that consults it now.</summary>
    public static IReadOnlyList<SelectListItem> Committees(OrganizationCatalog catalog, string? consultingNow) =>
        [.. catalog.OfKind(OrganizationKind.Committee).Where(o => o.Id != consultingNow).Select(o => new SelectListItem(o.Name, o.Id))];
}
