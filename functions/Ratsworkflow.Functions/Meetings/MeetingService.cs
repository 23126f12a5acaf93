using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// What clerks do with meetings, for the JSON API and the pages alike: plan, change, move and cancel them (the motions
/// follow through their workflow, <see cref="MeetingSync"/>), order the agenda. Bad input is answered with German
/// messages per field and changes nothing.
/// </summary>
public sealed class MeetingService(MeetingStore store, MeetingSync sync, MotionStore motions, OrganizationStore organizations, TimeProvider clock)
{
    /// <summary>Enough for a clerk racing the workflow adding motions; a real conflict is refused as one.</summary>
    private const int Attempts = 10;

    public async Task<Outcome<Meeting>> CreateAsync(CreateMeetingRequest request, CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var errors = new FieldErrors();
        MeetingInput.CheckOrganization(errors, request.OrganizationId, catalog);
        MeetingInput.CheckDate(errors, request.Date, catalog.Body.Today(clock.GetUtcNow()), required: true);
        var time = MeetingInput.ParseTime(errors, request.StartTime);
        var place = MeetingInput.Place(errors, request.Place);
        if (!errors.IsEmpty)
        {
            return Invalid<Meeting>(errors);
        }
        var organizationId = request.OrganizationId!;
        var meeting = new Meeting(Meeting.NewId(organizationId), organizationId, request.Date!.Value, time, place, MeetingState.Planned,
            default, default);
        var (written, created) = await store.CreateAsync(meeting, cancellationToken);
        return written == MeetingWrite.Written
            ? Outcomes.Ok(created!, OutcomeKind.Created)
            : DayTaken<Meeting>(catalog, organizationId, meeting.Date);
    }

    /// <summary>Changes date, time, place or state; a new date or a cancellation takes the motions along.</summary>
    public async Task<Outcome<MeetingChanged>> ChangeAsync(string meetingId, ChangeMeetingRequest request, string actor,
        CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var today = catalog.Body.Today(clock.GetUtcNow());
        var errors = new FieldErrors();
        MeetingInput.CheckDate(errors, request.Date, today, required: false);
        var time = MeetingInput.ParseTime(errors, request.StartTime);
        var place = request.Place is null ? null : MeetingInput.Place(errors, request.Place);
        if (request.State is { } state && !Enum.IsDefined(state))
        {
            errors.Add("state", "Unbekannter Stand; erlaubt sind: planned, invited, held, cancelled.");
        }
        if (!errors.IsEmpty)
        {
            return Invalid<MeetingChanged>(errors);
        }
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetAgendaAsync(meetingId, cancellationToken) is not { } agenda)
            {
                return NotFound<MeetingChanged>();
            }
            var before = agenda.Meeting;
            var after = before with
            {
                Date = request.Date ?? before.Date,
                StartTime = request.StartTime is null ? before.StartTime : time,
                Place = request.Place is null ? before.Place : place,
                State = request.State ?? before.State,
            };
            if (after == before)
            {
                return Outcomes.Ok(new MeetingChanged(before, []), OutcomeKind.Done, "Keine Änderung.");
            }
            if (Refusal(before, after, today) is { } refusal)
            {
                return Outcomes.Fail<MeetingChanged>(OutcomeKind.Conflict, refusal);
            }
            var moved = after.Date != before.Date;
            var cancelled = after.State == MeetingState.Cancelled && before.State != MeetingState.Cancelled;
            if (moved && await MoveProblemsAsync(agenda, after.Date, catalog, today, cancellationToken) is { Count: > 0 } problems)
            {
                return Outcomes.Fail<MeetingChanged>(OutcomeKind.Conflict,
                    $"Die Sitzung kann nicht auf den {MeetingTexts.Date(after.Date)} verlegt werden: " + string.Join(" ", problems),
                    new Dictionary<string, string[]> { ["date"] = [.. problems] });
            }
            // Noted before the change: if this process dies after it, the periodic sync still takes the motions along.
            var syncTag = (moved || cancelled) && agenda.Open.Any() ? await store.MarkForSyncAsync(meetingId, cancellationToken) : null;
            var (written, changed) = await store.CommitAsync(before, after, cancellationToken: cancellationToken);
            if (written == MeetingWrite.DayTaken)
            {
                return DayTaken<MeetingChanged>(catalog, after.OrganizationId, after.Date);
            }
            if (written == MeetingWrite.Stale)
            {
                continue;
            }
            var answers = syncTag is null ? [] : await sync.SyncAsync(meetingId, syncTag, actor, cancellationToken);
            return Outcomes.Ok(new MeetingChanged(changed!, answers), OutcomeKind.Done, Done(before, changed!, answers));
        }
        return Busy<MeetingChanged>();
    }

    /// <summary>Puts the agenda into the given order; every motion of the agenda must be named exactly once.</summary>
    public async Task<Outcome<Agenda>> ReorderAsync(string meetingId, ReorderRequest request, CancellationToken cancellationToken)
    {
        var places = request.Items ?? [];
        if (places.Count == 0 || places.Any(p => string.IsNullOrWhiteSpace(p.MotionId)))
        {
            return Invalid<Agenda>("items", "Bitte nennen Sie jeden Antrag der Tagesordnung mit seiner Id, in der neuen Reihenfolge.");
        }
        if (places.GroupBy(p => p.MotionId).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return Invalid<Agenda>("items", $"Der Antrag {InputText.Quote(twice.Key!)} ist mehrfach genannt.");
        }
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.GetAgendaAsync(meetingId, cancellationToken) is not { } agenda)
            {
                return NotFound<Agenda>();
            }
            if (request.Version is { } version && version != agenda.Meeting.Version)
            {
                return Outcomes.Fail<Agenda>(OutcomeKind.Conflict,
                    "Die Tagesordnung wurde inzwischen geändert. Bitte laden Sie sie neu und ordnen Sie sie dann.");
            }
            if (!agenda.Meeting.IsOpen)
            {
                return Outcomes.Fail<Agenda>(OutcomeKind.Conflict,
                    $"Die Sitzung ist {MeetingStates.DisplayName(agenda.Meeting.State)}; ihre Tagesordnung kann nicht mehr geändert werden.");
            }
            var unknown = places.Where(p => agenda.Find(p.MotionId!) is null).Select(p => p.MotionId!).ToList();
            var missing = agenda.Items.Where(i => places.All(p => p.MotionId != i.MotionId)).ToList();
            if (unknown.Count > 0)
            {
                return Invalid<Agenda>("items", $"Nicht auf der Tagesordnung: {string.Join(", ", unknown.Select(InputText.Quote))}.");
            }
            if (missing.Count > 0)
            {
                return Invalid<Agenda>("items", $"Es fehlen Anträge der Tagesordnung: {string.Join(", ", missing.Select(i => i.Entry.Reference))}.");
            }
            var entries = places.Select((p, i) =>
                agenda.Find(p.MotionId!)!.Entry with { Order = i + 1, Public = p.Public ?? agenda.Find(p.MotionId!)!.Entry.Public }).ToList();
            var (written, meeting) = await store.CommitAsync(agenda.Meeting, agenda.Meeting, upsert: entries, cancellationToken: cancellationToken);
            if (written == MeetingWrite.Written)
            {
                return Outcomes.Ok(Agenda.Of(meeting!, entries), OutcomeKind.Done, "Die Reihenfolge ist gespeichert.");
            }
            if (request.Version is not null)
            {
                return Outcomes.Fail<Agenda>(OutcomeKind.Conflict,
                    "Die Tagesordnung wurde inzwischen geändert. Bitte laden Sie sie neu und ordnen Sie sie dann.");
            }
        }
        return Busy<Agenda>();
    }

    /// <summary>Whether the change is allowed from where the meeting stands; null when it is.</summary>
    private static string? Refusal(Meeting before, Meeting after, DateOnly today) => (before.State, after.State) switch
    {
        (MeetingState.Cancelled, _) => "Die Sitzung ist abgesagt und kann nicht mehr geändert werden. Legen Sie bei Bedarf eine neue Sitzung an.",
        (MeetingState.Held, MeetingState.Cancelled) => "Die Sitzung hat bereits stattgefunden und kann nicht abgesagt werden.",
        (MeetingState.Held, not MeetingState.Held) => "Die Sitzung hat bereits stattgefunden; ihr Stand kann nicht zurückgesetzt werden.",
        (_, MeetingState.Held) when after.Date > today => $"Die Sitzung {MeetingTexts.When(after)} hat noch nicht stattgefunden.",
        (MeetingState.Held, _) when after.Date != before.Date => "Die Sitzung hat bereits stattgefunden; ihr Datum kann nicht mehr geändert werden.",
        (_, MeetingState.Cancelled) when after.Date != before.Date => "Eine Sitzung kann nicht zugleich verlegt und abgesagt werden.",
        _ => null,
    };

    /// <summary>Each motion on the agenda must be able to move with it (not before its previous consultation, not before its registration).</summary>
    private async Task<List<string>> MoveProblemsAsync(Agenda agenda, DateOnly date, OrganizationCatalog catalog, DateOnly today,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var item in agenda.Open)
        {
            if (await motions.GetAsync(item.MotionId, cancellationToken) is not { Stage: MotionStage.Consultation or MotionStage.Council } motion)
            {
                continue;
            }
            var state = new ConsultationState(motion.Consultations, motion.ResolutionTexts);
            var problem = ConsultationDecider.MoveProblem(state, agenda.Meeting.Id, date, today)
                ?? (motion.RegisteredAt is { } registered && date < catalog.Body.Today(registered)
                    ? "Der Sitzungstermin darf nicht vor der Registrierung des Antrags liegen."
                    : null);
            if (problem is not null)
            {
                problems.Add($"{item.Entry.Reference}: {problem}");
            }
        }
        return problems;
    }

    private static string Done(Meeting before, Meeting after, IReadOnlyList<MotionAnswer> answers)
    {
        var what = (before.State != after.State, before.Date != after.Date) switch
        {
            (true, _) when after.State == MeetingState.Cancelled => "Die Sitzung ist abgesagt.",
            (_, true) => $"Die Sitzung ist auf den {MeetingTexts.Date(after.Date)} verlegt.",
            (true, _) => $"Die Sitzung ist jetzt „{MeetingStates.DisplayName(after.State)}“.",
            _ => "Die Sitzung ist geändert.",
        };
        if (answers.Count == 0)
        {
            return what;
        }
        var failed = answers.Where(a => !a.Succeeded).ToList();
        var cancelled = after.State == MeetingState.Cancelled;
        string Followed(int count) => (count, cancelled) switch
        {
            (1, true) => "1 Antrag wartet jetzt auf einen neuen Termin",
            (_, true) => $"{count} Anträge warten jetzt auf einen neuen Termin",
            (1, false) => "1 Antrag ist mitverlegt",
            _ => $"{count} Anträge sind mitverlegt",
        };
        return failed.Count == 0
            ? $"{what} {Followed(answers.Count)}; die Fraktionen werden informiert."
            : $"{what} {Followed(answers.Count - failed.Count)}. " +
                $"Noch nicht bei: {string.Join("; ", failed.Select(f => $"{f.Reference} ({f.Detail})"))} – das wird automatisch wiederholt.";
    }

    private static Outcome<T> Invalid<T>(FieldErrors errors)
    {
        var byField = errors.ToDictionary();
        var messages = byField.Values.SelectMany(m => m).ToList();
        return Outcomes.Fail<T>(OutcomeKind.Invalid, messages.Count == 1 ? messages[0] : "Bitte prüfen Sie die markierten Angaben.", byField);
    }

    private static Outcome<T> Invalid<T>(string field, string message) =>
        Outcomes.Fail<T>(OutcomeKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    private static Outcome<T> NotFound<T>() => Outcomes.Fail<T>(OutcomeKind.NotFound, "Diese Sitzung gibt es nicht.");

    private static Outcome<T> Busy<T>() =>
        Outcomes.Fail<T>(OutcomeKind.Conflict, "Die Sitzung wird gerade von anderer Seite geändert. Bitte versuchen Sie es gleich noch einmal.");

    private static Outcome<T> DayTaken<T>(OrganizationCatalog catalog, string organizationId, DateOnly date) =>
        Outcomes.Fail<T>(OutcomeKind.Conflict,
            $"Für „{catalog.NameOf(organizationId)}“ gibt es am {MeetingTexts.Date(date)} bereits eine Sitzung.",
            new Dictionary<string, string[]> { ["date"] = [$"Für „{catalog.NameOf(organizationId)}“ gibt es an diesem Tag bereits eine Sitzung."] });
}

/// <summary>The meeting after a change, and what became of each motion that had to follow it.</summary>
public sealed record MeetingChanged(Meeting Meeting, IReadOnlyList<MotionAnswer> Motions);
