using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Sitzungen;

/// <summary>
/// <c>/ratsbuero/sitzungen/{meetingId}/ergebnisse</c>: the results of a held meeting, every TOP in one form and one
/// POST (<see cref="MeetingResults"/>). A wrong entry anywhere records nothing and says what is wrong at that TOP; a
/// TOP left without a result is simply not recorded yet.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErgebnisseModel(MeetingStore store, MotionStore motions, MeetingResults results, OrganizationStore organizations,
    TimeProvider clock) : PageModel
{
    public Agenda Agenda { get; private set; } = null!;

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<AgendaRow> Rows { get; private set; } = [];

    [BindProperty]
    public List<ResultRow> Results { get; set; } = [];

    public string BodyName => Catalog.NameOf(Agenda.Meeting.OrganizationId);

    public bool IsCouncil => Catalog.Find(Agenda.Meeting.OrganizationId)?.Kind == OrganizationKind.Council;

    /// <summary>Why nothing can be recorded here now; null when the form is shown.</summary>
    public string? Closed { get; private set; }

    /// <summary>What was recorded when some results went through and others did not.</summary>
    public string? Recorded { get; private set; }

    public IReadOnlyList<SelectListItem> Outcomes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Committees { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FollowUps => ResultChoices.FollowUps;

    public AgendaRow? RowOf(ResultRow result) => Rows.FirstOrDefault(r => r.Entry.MotionId == result.MotionId);

    public async Task<IActionResult> OnGetAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }
        Results = [.. Rows.Where(r => r.AwaitsResult)
            .Select(r => new ResultRow { MotionId = r.Entry.MotionId, ResolutionText = r.Motion?.ResolutionText })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid || Closed is not null)
        {
            return Page();
        }
        var chosen = Results.Where(r => r.Outcome is not null).Select(r => r.ToResult()).ToList();
        if (chosen.Count == 0)
        {
            ModelState.AddModelError(Results.Count > 0 ? "Results[0].Outcome" : "",
                "Wählen Sie mindestens für einen Tagesordnungspunkt das Ergebnis.");
            return Page();
        }
        var outcome = await results.RecordAsync(meetingId, chosen,
            User.Identity?.Name is { Length: > 0 } name ? $"Ratsbüro ({name})" : "Ratsbüro", cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = outcome.Detail;
            return RedirectToPage("Sitzung", new { meetingId });
        }
        if (outcome.Value is { } answers)
        {
            // Some went through: show the form again for those still waiting, with what was recorded on top.
            Recorded = string.Join("; ", answers.Where(a => a.Succeeded).Select(a => a.Reference));
            await LoadAsync(meetingId, cancellationToken);
            Results = [.. Results.Where(r => Rows.Any(row => row.AwaitsResult && row.Entry.MotionId == r.MotionId))];
        }
        ShowErrors(outcome);
        return Page();
    }

    /// <summary>Errors come keyed "{motionId}.{field}": each goes to its TOP's field, prefixed with the TOP, so the summary says where.</summary>
    private void ShowErrors(Outcome<IReadOnlyList<MotionAnswer>> outcome)
    {
        foreach (var (key, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
        {
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            var (motionId, field) = dot < 0 ? (key, "outcome") : (key[..dot], key[(dot + 1)..]);
            var index = Results.FindIndex(r => r.MotionId == motionId);
            var row = Rows.FirstOrDefault(r => r.Entry.MotionId == motionId);
            var property = field switch
            {
                "resolutionText" => nameof(ResultRow.ResolutionText),
                "referTo" => nameof(ResultRow.ReferTo),
                "votes" => nameof(ResultRow.Yes),
                "followUpAfterDays" => nameof(ResultRow.FollowUpDays),
                _ => nameof(ResultRow.Outcome),
            };
            foreach (var message in messages)
            {
                ModelState.AddModelError(index < 0 ? "" : $"Results[{index}].{property}",
                    row is null ? message : $"TOP {row.Item.Number}: {message}");
            }
        }
        if (outcome.Errors is not { Count: > 0 })
        {
            ModelState.AddModelError("", outcome.Detail ?? "Die Ergebnisse wurden nicht eingetragen.");
        }
    }

    private async Task<bool> LoadAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (await store.GetAgendaAsync(meetingId, cancellationToken) is not { } agenda)
        {
            return false;
        }
        Agenda = agenda;
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        Rows = await AgendaRow.LoadAsync(agenda, motions, Catalog, cancellationToken);
        var today = Catalog.Body.Today(clock.GetUtcNow());
        Closed = agenda.Meeting.State == MeetingState.Cancelled ? "Die Sitzung ist abgesagt; es gibt keine Ergebnisse einzutragen."
            : agenda.Meeting.Date > today ? $"Die Sitzung {MeetingTexts.When(agenda.Meeting)} hat noch nicht stattgefunden. " +
                "Die Ergebnisse können Sie ab dem Sitzungstag eintragen."
            : !Rows.Any(r => r.AwaitsResult) ? "Für alle Tagesordnungspunkte sind die Ergebnisse eingetragen."
            : null;
        Outcomes = ResultChoices.Outcomes(IsCouncil);
        Committees = ResultChoices.Committees(Catalog, agenda.Meeting.OrganizationId);
        return true;
    }
}

/// <summary>One TOP of the results form; left without an outcome, it is not recorded.</summary>
public sealed class ResultRow : VoteFields
{
    public string? MotionId { get; set; }

    [Display(Name = "Ergebnis")]
    public ConsultationOutcome? Outcome { get; set; }

    [Display(Name = "Geänderter Beschlussvorschlag", Description = "Wird nur beim Ergebnis „geändert …“ übernommen.")]
    public string? ResolutionText { get; set; }

    [Display(Name = "Verwiesen an", Description = "Nur beim Ergebnis „verwiesen“.")]
    public string? ReferTo { get; set; }

    [Display(Name = "Wiedervorlage", Description = "Nur beim Beschluss des Rates.")]
    public int? FollowUpDays { get; set; }

    /// <summary>As the motion page sends a result: the text only with "amended", votes only when one was given.</summary>
    public MotionResult ToResult() => new(
        MotionId, Outcome,
        AmendedText(Outcome, ResolutionText),
        string.IsNullOrWhiteSpace(ReferTo) ? null : ReferTo,
        Votes,
        FollowUpDays);
}
