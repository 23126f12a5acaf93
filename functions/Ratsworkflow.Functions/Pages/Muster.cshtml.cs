using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Pages;

/// <summary>
/// Pattern library (<c>/muster</c>, only with <c>Web:PatternLibrary=true</c>): every shared building block once, so
/// the browser tests can check them and a new page can copy from a working example.
/// </summary>
public sealed class MusterModel(WebOptions site) : PageModel
{
    [BindProperty]
    public MusterInput Input { get; set; } = new();

    public bool Accepted { get; private set; }

    public IReadOnlyList<SelectListItem> Factions { get; } =
    [
        new("Fraktion Bündnis für Musterstadt", "buendnis"),
        new("Fraktion Bürgerliste", "buergerliste"),
        new("Gruppe Stadtmitte", "stadtmitte"),
    ];

    public IReadOnlyList<SelectListItem> VoteChoices { get; } = [new("Ja", "yes"), new("Nein", "no"), new("Enthaltung", "abstain")];

    public IReadOnlyList<SelectListItem> Committees { get; } =
    [
        new("Ausschuss für Soziales und Integration", "soziales"),
        new("Verwaltungsausschuss", "va"),
    ];

    public IActionResult OnGet() => site.PatternLibrary ? Page() : NotFound();

    /// <summary><c>/muster?handler=Ausnahme</c>: an unhandled exception, to see (and test) the page people get then.</summary>
    public IActionResult OnGetAusnahme() =>
        site.PatternLibrary ? throw new InvalidOperationException("Absichtlicher Fehler der Musterseite.") : NotFound();

    public IActionResult OnPost()
    {
        if (!site.PatternLibrary)
        {
            return NotFound();
        }
        Accepted = ModelState.IsValid;
        return Page();
    }
}

public sealed class MusterInput
{
    [Display(Name = "Titel des Antrags", Description = "Kurz und aussagekräftig, zum Beispiel „Mehr Fahrradbügel am Bahnhof“.")]
    [Required(ErrorMessage = "Geben Sie einen Titel ein.")]
    [StringLength(200)]
    public string? Title { get; set; }

    [Display(Name = "E-Mail-Adresse", Description = "An diese Adresse schicken wir die Eingangsbestätigung.")]
    [Required(ErrorMessage = "Geben Sie Ihre E-Mail-Adresse ein.")]
    [EmailAddress]
    public string? Email { get; set; }

    [Display(Name = "Fraktion oder Gruppe")]
    [Required(ErrorMessage = "Wählen Sie Ihre Fraktion oder Gruppe aus.")]
    public string? FactionId { get; set; }

    [Display(Name = "Beschlussvorschlag", Description = "Was soll der Rat beschließen? Formulieren Sie so, wie es im Beschluss stehen soll.")]
    [Required]
    public string? ResolutionText { get; set; }

    [Display(Name = "Finanzielle Auswirkungen")]
    public string? FinancialImpact { get; set; }

    [Display(Name = "Gewünschter Sitzungstermin", Description = "Zum Beispiel 15.03.2026")]
    public DateOnly? MeetingDate { get; set; }

    [Display(Name = "Anlage", Description = "Eine PDF-Datei, höchstens 10 MB.")]
    public IFormFile? Attachment { get; set; }

    [Display(Name = "Wie stimmen Sie ab?")]
    [Required(ErrorMessage = "Wählen Sie Ja, Nein oder Enthaltung.")]
    public string? Choice { get; set; }

    [Display(Name = "Beratungsfolge", Description = "Wählen Sie alle Gremien, die den Antrag beraten sollen.")]
    [MinLength(1, ErrorMessage = "Wählen Sie mindestens ein Gremium aus.")]
    public List<string> Consultations { get; set; } = [];

    [Display(Name = "Den Integrationsrat um eine Empfehlung bitten", Description = "Der Beirat stimmt innerhalb von 14 Tagen ab.")]
    public bool BeiratReview { get; set; }
}
