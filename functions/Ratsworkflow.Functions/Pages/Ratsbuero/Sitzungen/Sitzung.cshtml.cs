using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Sitzungen;

/// <summary>
/// <c>/ratsbuero/sitzungen/{meetingId}</c>: a meeting with its agenda — each motion's stage, the Beirat's
/// recommendation and the earlier bodies' results — and what clerks do with it: put waiting motions on the agenda,
/// order it, move or change the meeting, send the invitation, cancel it. Every action goes through the services the
/// JSON API uses, so both accept and refuse the same.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SitzungModel(
    MeetingStore store, MotionStore motions, MotionIndex index, MeetingService meetings, CommandService commands,
    OrganizationStore organizations, TimeProvider clock) : PageModel
{
    public Agenda Agenda { get; private set; } = null!;

    public Meeting Meeting => Agenda.Meeting;

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<AgendaRow> Rows { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string BodyName => Catalog.NameOf(Meeting.OrganizationId);

    [TempData]
    public string? Notice { get; set; }

    public ChangeMeetingInput Change { get; set; } = new();

    // Bound on every POST but posted only by their own form: each handler reads its own.
    [BindProperty]
    [Display(Name = "Anträge, die auf einen Sitzungstermin warten")]
    public List<string> Add { get; set; } = [];

    [BindProperty]
    public List<OrderRow> Order { get; set; } = [];

    [BindProperty]
    [Display(Name = "Ja, die Sitzung fällt aus. Ihre Anträge warten auf einen neuen Termin; die Fraktionen werden informiert.")]
    public bool ConfirmCancel { get; set; }

    public IReadOnlyList<SelectListItem> Candidates { get; private set; } = [];

    public bool CanRecordResults => Meeting.State != MeetingState.Cancelled && Meeting.Date <= Today && Rows.Any(r => r.AwaitsResult);

    public async Task<IActionResult> OnGetAsync(string meetingId, CancellationToken cancellationToken) =>
        await LoadAsync(meetingId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }
        if (Add.Count == 0)
        {
            ModelState.AddModelError(nameof(Add), "Wählen Sie mindestens einen Antrag aus.");
            return Page();
        }
        var added = new List<string>();
        foreach (var motionId in Add.Distinct())
        {
            var outcome = await commands.ScheduleAsync(motionId, new ScheduleConsultation(Meeting.OrganizationId, null, Meeting.Id), Actor,
                cancellationToken);
            var reference = Candidates.FirstOrDefault(c => c.Value == motionId)?.Text ?? motionId;
            if (outcome.Succeeded)
            {
                added.Add(reference);
            }
            else
            {
                ModelState.AddModelError(nameof(Add), $"{reference}: {outcome.Detail}");
            }
        }
        if (ModelState.IsValid)
        {
            Notice = added.Count == 1 ? "1 Antrag steht jetzt auf der Tagesordnung." : $"{added.Count} Anträge stehen jetzt auf der Tagesordnung.";
            return RedirectToPage(new { meetingId });
        }
        if (added.Count > 0)
        {
            ModelState.AddModelError(nameof(Add), $"Aufgenommen wurden: {string.Join("; ", added)}.");
        }
        await LoadAsync(meetingId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostOrderAsync(string meetingId, int version, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The part first, then the position the clerk typed. A TOP moved to a position goes before the one that was
        // there (moving 3 to 1 puts it first); otherwise equal positions keep their old order.
        var places = Order
            .Select(o => (Row: o, Number: Agenda.Find(o.MotionId ?? "")?.Number ?? int.MaxValue))
            .OrderBy(o => o.Row.Public ? 0 : 1).ThenBy(o => o.Row.Position ?? o.Number)
            .ThenBy(o => o.Row.Position is { } p && p != o.Number ? 0 : 1).ThenBy(o => o.Number)
            .Select(o => new AgendaPlace(o.Row.MotionId, o.Row.Public)).ToList();
        var outcome = await meetings.ReorderAsync(meetingId, new ReorderRequest(places, version), cancellationToken);
        return Answer(outcome, meetingId, _ => null);
    }

    public async Task<IActionResult> OnPostChangeAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }
        if (!await TryUpdateModelAsync(Change, nameof(Change)))
        {
            return Page();
        }
        var request = new ChangeMeetingRequest(Change.Date, Change.StartTime ?? "", Change.Place ?? "", null);
        var outcome = await meetings.ChangeAsync(meetingId, request, Actor, cancellationToken);
        return Answer(outcome, meetingId, field => field switch
        {
            "date" => "Change.Date",
            "startTime" => "Change.StartTime",
            "place" => "Change.Place",
            _ => null,
        });
    }

    public Task<IActionResult> OnPostInviteAsync(string meetingId, CancellationToken cancellationToken) =>
        StateAsync(meetingId, MeetingState.Invited, cancellationToken);

    public Task<IActionResult> OnPostHeldAsync(string meetingId, CancellationToken cancellationToken) =>
        StateAsync(meetingId, MeetingState.Held, cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(meetingId, cancellationToken))
        {
            return NotFound();
        }
        if (!ConfirmCancel)
        {
            ModelState.AddModelError(nameof(ConfirmCancel), "Bestätigen Sie, dass die Sitzung ausfällt.");
            return Page();
        }
        return Answer(await meetings.ChangeAsync(meetingId, new ChangeMeetingRequest(null, null, null, MeetingState.Cancelled), Actor,
            cancellationToken), meetingId, _ => null);
    }

    private async Task<IActionResult> StateAsync(string meetingId, MeetingState state, CancellationToken cancellationToken) =>
        await LoadAsync(meetingId, cancellationToken)
            ? Answer(await meetings.ChangeAsync(meetingId, new ChangeMeetingRequest(null, null, null, state), Actor, cancellationToken),
                meetingId, _ => null)
            : NotFound();

    private string Actor => User.Identity?.Name is { Length: > 0 } name ? $"Ratsbüro ({name})" : "Ratsbüro";

    private IActionResult Answer<T>(Outcome<T> outcome, string meetingId, Func<string, string?> fieldKey)
    {
        if (outcome.Succeeded)
        {
            Notice = outcome.Detail ?? "Gespeichert.";
            return RedirectToPage(new { meetingId });
        }
        PageErrors.Show(ModelState, outcome, fieldKey);
        return Page();
    }

    private async Task<bool> LoadAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (await store.GetAgendaAsync(meetingId, cancellationToken) is not { } agenda)
        {
            return false;
        }
        Agenda = agenda;
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        Today = Catalog.Body.Today(clock.GetUtcNow());
        Rows = await AgendaRow.LoadAsync(agenda, motions, Catalog, cancellationToken);
        Change = new ChangeMeetingInput
        {
            Date = Meeting.Date,
            StartTime = Meeting.StartTime?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            Place = Meeting.Place,
        };
        if (Order.Count == 0)
        {
            // A posted order stays as the clerk typed it when the page shows again with an error.
            Order = [.. agenda.Items.Select(i => new OrderRow { MotionId = i.MotionId, Position = i.Number, Public = i.Entry.Public })];
        }
        if (Meeting.State != MeetingState.Cancelled)
        {
            // Motions with this body now and without a meeting: the body's list holds only motions lying with it.
            var page = await index.PageAsync(new MotionQuery(OrganizationId: Meeting.OrganizationId, PageSize: 200), cancellationToken);
            // Oldest first: motions come onto the agenda in the order they were received.
            Candidates = [.. page.Items
                .Where(i => i.Stage is MotionStage.Consultation or MotionStage.Council && i.MeetingId is null
                    && i.CurrentBodyId == Meeting.OrganizationId)
                .Reverse()
                .Select(i => new SelectListItem($"{i.Reference} – {i.Title} ({Catalog.NameOf(i.FactionId)})", i.MotionId))];
        }
        return true;
    }
}

public sealed class ChangeMeetingInput
{
    [Display(Name = "Sitzungstag",
        Description = "Ein neuer Tag verlegt die Sitzung; die Anträge auf der Tagesordnung werden mitverlegt " +
            "und die Fraktionen informiert.")]
    [Required(ErrorMessage = "Geben Sie den Tag der Sitzung an.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Beginn", Description = "Uhrzeit, zum Beispiel 17:00")]
    public string? StartTime { get; set; }

    [Display(Name = "Sitzungsort")]
    [StringLength(MeetingInput.MaxPlace)]
    public string? Place { get; set; }
}

/// <summary>One row of the order form: where the clerk wants the TOP, and in which part.</summary>
public sealed class OrderRow
{
    public string? MotionId { get; set; }

    [Range(1, Agenda.MaxItems, ErrorMessage = "Geben Sie eine Position von 1 bis 99 an.")]
    public int? Position { get; set; }

    public bool Public { get; set; } = true;
}
