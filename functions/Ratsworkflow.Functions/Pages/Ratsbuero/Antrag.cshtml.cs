using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary>
/// <c>/ratsbuero/antraege/{motionId}</c>: one motion for the clerks, with its timeline and the actions of its stage —
/// schedule a meeting, record the result, retry a failed step, end a Wiedervorlage (withdrawing has its own page).
/// Every action goes through <see cref="CommandService"/>, like the JSON API.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class AntragModel(MotionStore motions, OrganizationStore organizations, CommandService commands,
    Meetings.MeetingStore meetings, TimeProvider clock) : PageModel
{
    public MotionDetails Motion { get; private set; } = null!;

    /// <summary>The consultation the motion waits for; null outside the Beratungsfolge or once decided.</summary>
    public Consultation? Current { get; private set; }

    public string? CurrentName { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>A Wiedervorlage runs after the decision (the workflow still waits for its date).</summary>
    public bool FollowUpRunning { get; private set; }

    public ScheduleInput Schedule { get; set; } = new();

    /// <summary>The agenda the motion is on now, with its TOP; null while it waits for a date.</summary>
    public Meetings.Agenda? Agenda { get; private set; }

    /// <summary>The current body's meetings that can still take the motion (planned or invited, from today on).</summary>
    public IReadOnlyList<SelectListItem> Meetings { get; private set; } = [];

    public ResultInput Result { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<SelectListItem> Outcomes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Committees { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FollowUps => ResultChoices.FollowUps;

    public bool CanRecordResult => Current?.MeetingDate is { } date && date <= Today;

    public async Task<IActionResult> OnGetAsync(string motionId, CancellationToken cancellationToken) =>
        await LoadAsync(motionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScheduleAsync(string motionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(motionId, cancellationToken))
        {
            return NotFound();
        }
        if (!await TryUpdateModelAsync(Schedule, nameof(Schedule)))
        {
            return Page();
        }
        var meetingId = string.IsNullOrWhiteSpace(Schedule.MeetingId) ? null : Schedule.MeetingId;
        if (meetingId is null && Schedule.MeetingDate is null)
        {
            ModelState.AddModelError("Schedule.MeetingDate", "Geben Sie den Tag der Sitzung an.");
            return Page();
        }
        // A chosen meeting wins; the day is only for a meeting not planned yet.
        var outcome = await commands.ScheduleAsync(motionId,
            new ScheduleConsultation(Schedule.OrganizationId, meetingId is null ? Schedule.MeetingDate : null, meetingId),
            Actor, cancellationToken);
        return Answer(outcome, motionId, "Der Sitzungstermin ist eingetragen.", field => field switch
        {
            "meetingDate" => "Schedule.MeetingDate",
            "meetingId" => "Schedule.MeetingId",
            _ => null,
        });
    }

    public async Task<IActionResult> OnPostResultAsync(string motionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(motionId, cancellationToken))
        {
            return NotFound();
        }
        var valid = await TryUpdateModelAsync(Result, nameof(Result));
        var followUp = FollowUpPeriod.FromDays(Result.FollowUpDays);
        foreach (var message in followUp.Errors?.SelectMany(e => e.Value) ?? [])
        {
            ModelState.AddModelError("Result.FollowUpDays", message);
        }
        if (!valid || !followUp.Succeeded)
        {
            return Page();
        }
        var outcome = await commands.RecordResultAsync(motionId, Result.ToCommand(), Actor, followUp.Value, cancellationToken);
        return Answer(outcome, motionId, "Das Ergebnis ist eingetragen.", field => field switch
        {
            "outcome" => "Result.Outcome",
            "resolutionText" => "Result.ResolutionText",
            "referTo" => "Result.ReferTo",
            "votes" => "Result.Yes",
            _ => null,
        });
    }

    public async Task<IActionResult> OnPostRetryAsync(string motionId, CancellationToken cancellationToken) =>
        await LoadAsync(motionId, cancellationToken)
            ? Answer(await commands.RetryAsync(motionId, Actor, cancellationToken), motionId,
                "Der fehlgeschlagene Schritt wird wiederholt.", _ => null)
            : NotFound();

    public async Task<IActionResult> OnPostEndFollowUpAsync(string motionId, CancellationToken cancellationToken) =>
        await LoadAsync(motionId, cancellationToken)
            ? Answer(await commands.EndFollowUpAsync(motionId, Actor, cancellationToken), motionId, "Die Wiedervorlage ist beendet.", _ => null)
            : NotFound();

    /// <summary>As the JSON API names a signed-in clerk in the timeline.</summary>
    private string Actor => User.Identity?.Name is { Length: > 0 } name ? $"Ratsbüro ({name})" : "Ratsbüro";

    /// <summary>Success: back to the page (POST-redirect-GET) with a notice. Refusal: the page again, the reason at the field or on top.</summary>
    private IActionResult Answer(Outcome<MotionRecord> outcome, string motionId, string done, Func<string, string?> fieldKey)
    {
        if (outcome.Succeeded)
        {
            Notice = outcome.Kind == OutcomeKind.Accepted
                ? "Die Anfrage ist angenommen und wird noch bearbeitet. Laden Sie die Seite gleich neu."
                : outcome.Detail ?? done;
            return RedirectToPage(new { motionId });
        }
        foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(fieldKey(field) ?? "", message);
            }
        }
        if (outcome.Errors is not { Count: > 0 })
        {
            ModelState.AddModelError("", outcome.Detail ?? "Die Anfrage wurde abgelehnt.");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string motionId, CancellationToken cancellationToken)
    {
        if (await motions.GetWithTimelineAsync(motionId, cancellationToken) is not { } found)
        {
            return false;
        }
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var record = found.Record;
        Motion = new MotionDetails(record, catalog, found.Timeline);
        Today = catalog.Body.Today(clock.GetUtcNow());
        Current = record.Stage is MotionStage.Consultation or MotionStage.Council
            ? new ConsultationState(record.Consultations, record.ResolutionTexts).Current
            : null;
        CurrentName = Current is { } current ? catalog.NameOf(current.OrganizationId) : null;
        var byCouncil = Current?.IsCouncil ?? false;
        Outcomes = ResultChoices.Outcomes(byCouncil);
        Committees = ResultChoices.Committees(catalog, Current?.OrganizationId);
        Schedule = new ScheduleInput
        {
            OrganizationId = Current?.OrganizationId, MeetingId = Current?.MeetingId,
            MeetingDate = Current?.MeetingId is null ? Current?.MeetingDate : null,
        };
        if (Current is { } waiting)
        {
            Agenda = waiting.MeetingId is { } onAgenda ? await meetings.GetAgendaAsync(onAgenda, cancellationToken) : null;
            Meetings = [.. (await meetings.ListAsync(waiting.OrganizationId, Today, cancellationToken: cancellationToken))
                .Where(m => m.IsOpen)
                .Select(m => new SelectListItem(GermanFormat.ShortDate(m.Date)
                    + (m.StartTime is { } time ? ", " + Ratsworkflow.Functions.Meetings.MeetingTexts.Time(time) : "")
                    + (m.Place is { } place ? ", " + place : ""), m.Id))];
        }
        Result = new ResultInput { OrganizationId = Current?.OrganizationId, ResolutionText = record.ResolutionText };
        FollowUpRunning = record.FollowUpInterval is not null;
        return true;
    }
}

public sealed class ScheduleInput
{
    public string? OrganizationId { get; set; }

    [Display(Name = "Sitzung", Description = "Eine geplante Sitzung des Gremiums; oder wählen Sie „Anderer Sitzungstag“ und geben Sie den Tag an.")]
    public string? MeetingId { get; set; }

    [Display(Name = "Sitzungstag", Description = "Nur für einen Tag ohne geplante Sitzung: die Sitzung wird dann angelegt.")]
    public DateOnly? MeetingDate { get; set; }
}

public sealed class ResultInput : VoteFields
{
    public string? OrganizationId { get; set; }

    [Display(Name = "Ergebnis der Beratung")]
    [Required(ErrorMessage = "Wählen Sie das Ergebnis der Beratung.")]
    public ConsultationOutcome? Outcome { get; set; }

    [Display(Name = "Geänderter Beschlussvorschlag",
        Description = "Wird nur beim Ergebnis „geändert …“ übernommen: der Beschlussvorschlag in der beschlossenen Fassung.")]
    public string? ResolutionText { get; set; }

    [Display(Name = "Verwiesen an", Description = "Nur beim Ergebnis „verwiesen“: der Ausschuss, der den Antrag als Nächstes berät.")]
    public string? ReferTo { get; set; }

    [Display(Name = "Wiedervorlage",
        Description = "Nur beim Beschluss des Rates: wann der Beschluss wieder vorgelegt wird, danach im selben Abstand, " +
            "bis Sie die Wiedervorlage beenden.")]
    public int? FollowUpDays { get; set; }

    /// <summary>The text goes along only with "amended": the box is filled with the current text for editing.</summary>
    public RecordConsultationResult ToCommand() => new(
        OrganizationId, Outcome,
        AmendedText(Outcome, ResolutionText),
        string.IsNullOrWhiteSpace(ReferTo) ? null : ReferTo,
        Votes);
}
