using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// The results of a held meeting in one pass. Every result is checked against its motion first — as the motion's own
/// result endpoint would check it — and if any is wrong, none is sent: the clerk gets the German reasons per motion
/// and nothing has changed. Then each goes through its motion's workflow as a single result does (answer, timeline,
/// mails). Should one still be refused there (the motion changed in the meantime), the answer lists which results
/// were recorded and which were not.
/// </summary>
public sealed class MeetingResults(MeetingStore store, MotionStore motions, OrganizationStore organizations, CommandService commands,
    TimeProvider clock)
{
    /// <summary>Error keys are "{motionId}.{field}" (field as in <c>POST /api/motions/{id}/result</c>), or "{motionId}" for the
    /// motion as a whole.</summary>
    public async Task<Outcome<IReadOnlyList<MotionAnswer>>> RecordAsync(string meetingId, IReadOnlyList<MotionResult> results, string actor,
        CancellationToken cancellationToken)
    {
        if (await store.GetAgendaAsync(meetingId, cancellationToken) is not { } agenda)
        {
            return Outcomes.Fail<IReadOnlyList<MotionAnswer>>(OutcomeKind.NotFound, "Diese Sitzung gibt es nicht.");
        }
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        var today = catalog.Body.Today(clock.GetUtcNow());
        var meeting = agenda.Meeting;
        if (meeting.State == MeetingState.Cancelled)
        {
            return Outcomes.Fail<IReadOnlyList<MotionAnswer>>(OutcomeKind.Conflict,
                "Die Sitzung ist abgesagt; es gibt keine Ergebnisse einzutragen.");
        }
        if (meeting.Date > today)
        {
            return Outcomes.Fail<IReadOnlyList<MotionAnswer>>(OutcomeKind.Conflict,
                $"Die Sitzung {MeetingTexts.When(meeting)} hat noch nicht stattgefunden. " +
                "Die Ergebnisse können ab dem Sitzungstag eingetragen werden.");
        }
        if (results.Count == 0)
        {
            const string none = "Bitte tragen Sie mindestens ein Ergebnis ein.";
            return Outcomes.Fail<IReadOnlyList<MotionAnswer>>(OutcomeKind.Invalid, none, new Dictionary<string, string[]> { ["results"] = [none] });
        }
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var commandsToSend = new List<(AgendaItem Item, RecordConsultationResult Command, FollowUpPeriod? FollowUp)>();
        foreach (var result in results)
        {
            var (item, command, followUp, problems) = await CheckAsync(agenda, result, catalog, today, cancellationToken);
            foreach (var (field, message) in problems)
            {
                var key = field is null ? result.MotionId ?? "results" : $"{result.MotionId}.{field}";
                (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(message);
            }
            if (problems.Count == 0)
            {
                commandsToSend.Add((item!, command!, followUp));
            }
        }
        if (errors.Count > 0)
        {
            return Outcomes.Fail<IReadOnlyList<MotionAnswer>>(OutcomeKind.Invalid,
                "Es wurde nichts eingetragen. Bitte prüfen Sie die markierten Ergebnisse.",
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
        var answers = new List<MotionAnswer>();
        foreach (var (item, command, followUp) in commandsToSend.OrderBy(c => c.Item.Number))
        {
            var outcome = await commands.RecordResultAsync(item.MotionId, command, actor, followUp, cancellationToken);
            answers.Add(new MotionAnswer(item.MotionId, item.Entry.Reference, outcome.Kind, outcome.Detail));
        }
        var failed = answers.Where(a => !a.Succeeded).ToList();
        return failed.Count == 0
            ? Outcomes.Ok<IReadOnlyList<MotionAnswer>>(answers, OutcomeKind.Done,
                answers.Count == 1 ? "Das Ergebnis ist eingetragen." : $"{answers.Count} Ergebnisse sind eingetragen.")
            : new Outcome<IReadOnlyList<MotionAnswer>>(OutcomeKind.Conflict, answers,
                $"{answers.Count - failed.Count} von {answers.Count} Ergebnissen sind eingetragen. Nicht eingetragen: " +
                string.Join("; ", failed.Select(f => $"{f.Reference}: {f.Detail}")),
                failed.ToDictionary(f => f.MotionId, f => new[] { f.Detail ?? "Nicht eingetragen." }, StringComparer.Ordinal));
    }

    private async Task<(AgendaItem? Item, RecordConsultationResult? Command, FollowUpPeriod? FollowUp,
        List<(string? Field, string Message)> Problems)> CheckAsync(
        Agenda agenda, MotionResult result, OrganizationCatalog catalog, DateOnly today, CancellationToken cancellationToken)
    {
        var problems = new List<(string?, string)>();
        var item = result.MotionId is { } id ? agenda.Find(id) : null;
        if (item is null)
        {
            problems.Add((null, "Dieser Antrag steht nicht auf der Tagesordnung der Sitzung."));
            return (null, null, null, problems);
        }
        if (item.Entry.HasResult)
        {
            problems.Add((null, $"Für TOP {item.Number} ist bereits ein Ergebnis eingetragen."));
            return (item, null, null, problems);
        }
        var motion = await motions.GetAsync(item.MotionId, cancellationToken);
        var state = motion is { Stage: MotionStage.Consultation or MotionStage.Council }
            ? new ConsultationState(motion.Consultations, motion.ResolutionTexts)
            : null;
        if (state?.Current?.MeetingId != agenda.Meeting.Id)
        {
            problems.Add((null, motion?.Stage is MotionStage.Withdrawn
                ? "Der Antrag ist zurückgezogen."
                : "Der Antrag wartet nicht mehr auf ein Ergebnis dieser Sitzung."));
            return (item, null, null, problems);
        }
        var followUp = FollowUpPeriod.FromDays(result.FollowUpAfterDays);
        problems.AddRange(followUp.Errors?.SelectMany(e => e.Value.Select(m => ((string?)e.Key, m))) ?? []);
        if (followUp.Value is not null && !state!.Current!.IsCouncil)
        {
            problems.Add((FollowUpPeriod.Field, "Eine Wiedervorlage gibt es nur mit dem Beschluss des Rates."));
        }
        var command = new RecordConsultationResult(agenda.Meeting.OrganizationId, result.Outcome, result.ResolutionText, result.ReferTo,
            result.Votes);
        if (ConsultationDecider.Decide(command, state!, catalog, today).Error is { } error)
        {
            problems.AddRange(error.Errors.Count == 0
                ? [(null, error.Detail)]
                : error.Errors.SelectMany(e => e.Value.Select(m => ((string?)e.Key, m))));
        }
        return (item, command, followUp.Value, problems);
    }
}
