using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary>
/// <c>/antrag/neu</c>: the faction's form. The checks are the API's (<see cref="MotionSubmissionValidator"/>), so the
/// form and <c>POST /api/motions</c> accept and refuse the same; the POST is rate-limited ("submission").
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class NeuModel(OrganizationStore organizations, SubmissionService submissions, IOptions<WorkflowOptions> workflow,
    IOptions<AttachmentOptions> attachmentOptions) : PageModel
{
    /// <summary>Room for the default Anlagen (5 × 10 MB) and the texts; the rules check each file against the configuration.</summary>
    private const long MaxRequestBytes = 52 * 1024 * 1024;

    [BindProperty]
    public MotionInput Input { get; set; } = new();

    /// <summary>
    /// One key per filled-in form (a hidden field), sent as the submission's idempotency key: a double click or a
    /// resent POST answers with the motion of the first instead of creating a second (<see cref="SubmissionKeys"/>).
    /// </summary>
    [BindProperty]
    public string? SubmissionKey { get; set; }

    public IReadOnlyList<SelectListItem> Factions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Committees { get; private set; } = [];

    /// <summary>The Beirat a motion may ask for a recommendation; null when the municipality has none.</summary>
    public OrganizationName? Beirat { get; private set; }

    public string BeiratQuestion => $"Soll {Beirat!.Nominative} eine Empfehlung abgeben?";

    public string BeiratHintText => BeiratHint(Beirat!, BeiratDays);

    /// <summary>"Seine Mitglieder stimmen innerhalb von einem Tag ab; …" — the vote's length as configured.</summary>
    public static string BeiratHint(OrganizationName beirat, int days) =>
        $"{OrganizationName.Capitalized(beirat.Possessive)}e Mitglieder stimmen " +
        $"innerhalb von {GermanText.Days(days, dative: true)} ab; danach beraten die Ausschüsse.";

    public IReadOnlyList<SelectListItem> YesNo { get; } = [new("Ja", bool.TrueString), new("Nein", bool.FalseString)];

    public int BeiratDays => (int)Math.Ceiling(workflow.Value.BeiratDeadline.TotalDays);

    public string AttachmentHint =>
        $"Nur PDF-Dateien, je höchstens {attachmentOptions.Value.MaxBytes / (1024 * 1024)} MB, " +
        $"höchstens {attachmentOptions.Value.MaxCount} Stück. " +
        "Ausgewählte Dateien müssen nach einem Fehler erneut ausgewählt werden.";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var catalog = await LoadAsync(cancellationToken);
        // The submission's own validator decides (as for the API); the attributes on MotionInput only label the fields.
        ModelState.Clear();
        var submission = Input.ToSubmission();
        AddErrors(MotionSubmissionValidator.Validate(submission, catalog));
        if (Beirat is not null && Input.BeiratReview is null)
        {
            ModelState.AddModelError(Key("beiratReview"), $"Geben Sie an, ob {Beirat.Nominative} eine Empfehlung abgeben soll.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var uploads = new List<AttachmentUpload>();
        foreach (var file in Input.Attachments ?? [])
        {
            uploads.Add(await AttachmentUpload.ReadAsync(file, attachmentOptions.Value, cancellationToken));
        }
        var key = SubmissionKey is { } k && SubmissionKeys.IsValid(k) ? k : null;
        var outcome = await submissions.SubmitAsync(submission, uploads, cancellationToken, key);
        if (outcome.Kind == OutcomeKind.KeyReused && key is not null)
        {
            // The form was sent before and changed since (the browser's Back button): that is a new motion.
            SubmissionKey = Guid.NewGuid().ToString("N");
            outcome = await submissions.SubmitAsync(submission, uploads, cancellationToken, SubmissionKey);
        }
        if (outcome.Succeeded)
        {
            return RedirectToPage("/Antrag/Gesendet", new { fraktion = submission.FactionId });
        }
        AddErrors(outcome.Errors);
        if (ModelState.IsValid)
        {
            ModelState.AddModelError("", outcome.Detail ?? "Der Antrag konnte nicht angenommen werden. Bitte versuchen Sie es später erneut.");
        }
        return Page();
    }

    private void AddErrors(IReadOnlyDictionary<string, string[]>? errors)
    {
        foreach (var (field, messages) in errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(Key(field), message);
            }
        }
    }

    /// <summary>The form field of an API error key: "title" → "Input.Title"; the Beratungsfolge's errors go to its first box.</summary>
    private static string Key(string field) => field switch
    {
        "consultations" => "Input.Consultations[0]",
        _ => "Input." + char.ToUpperInvariant(field[0]) + field[1..],
    };

    private async Task<OrganizationCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        Factions = catalog.OfKind(OrganizationKind.Faction).Select(o => new SelectListItem(o.Name, o.Id)).ToList();
        Committees = catalog.OfKind(OrganizationKind.Committee).Select(o => new SelectListItem(o.Name, o.Id)).ToList();
        Beirat = catalog.AdvisoryBoard is { VotingMemberCount: > 0 } beirat ? beirat.Phrase : null;
        // One box per position; as many as there are committees (each may consult once).
        var positions = Math.Min(Committees.Count, MotionSubmissionValidator.MaxConsultations);
        while (Input.Consultations.Count < positions)
        {
            Input.Consultations.Add(null);
        }
        return catalog;
    }
}

/// <summary>The form's fields, in the order of the form (the error summary lists them so).</summary>
public sealed class MotionInput
{
    [Display(Name = "Fraktion oder Gruppe", Description = "Nur registrierte Fraktionen und Gruppen können Anträge stellen.")]
    [Required]
    public string? FactionId { get; set; }

    [Display(Name = "Ihr Name", Description = "Wer den Antrag für die Fraktion einreicht.")]
    [Required]
    public string? SubmitterName { get; set; }

    [Display(Name = "Ihre E-Mail-Adresse", Description = "Sie erhalten nach der Bestätigung eine Kopie jeder Nachricht zum Antrag.")]
    [Required]
    public string? SubmitterEmail { get; set; }

    [Display(Name = "Titel des Antrags", Description = "Kurz und aussagekräftig, zum Beispiel „Mehr Fahrradbügel am Bahnhof“.")]
    [Required]
    public string? Title { get; set; }

    [Display(Name = "Beschlussvorschlag", Description = "Was soll der Rat beschließen? Formulieren Sie so, wie es im Beschluss stehen soll.")]
    [Required]
    public string? ResolutionText { get; set; }

    [Display(Name = "Begründung")]
    [Required]
    public string? Justification { get; set; }

    [Display(Name = "Finanzielle Auswirkungen", Description = "Kosten, Einsparungen oder Einnahmen, soweit bekannt.")]
    public string? FinancialImpact { get; set; }

    [Display(Name = "Anlagen")]
    public List<IFormFile>? Attachments { get; set; }

    [Display(Name = "Beirat beteiligen")]
    [Required]
    public bool? BeiratReview { get; set; }

    /// <summary>Committee ids by position; empty positions are left out.</summary>
    [Display(Name = "Beratungsfolge")]
    public List<string?> Consultations { get; set; } = [];

    public MotionSubmission ToSubmission() => new(
        FactionId, SubmitterName, SubmitterEmail, Title, ResolutionText, Justification, FinancialImpact,
        BeiratReview == true, Consultations.Where(id => !string.IsNullOrWhiteSpace(id)).ToList());
}
