using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// What people ask of a running motion. Each request is checked against the motion's current record first (a wrong
/// stage is a conflict at once, nothing is sent), then handed to its orchestrator as a command, and the answer the
/// orchestrator records is returned — so the API is synchronous while the workflow stays the single writer.
/// </summary>
public sealed class CommandService(
    MotionStore motions,
    OrganizationStore organizations,
    IAccessTokenStore tokens,
    DurableTaskClient engine,
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    CommandAcks acks,
    Meetings.MeetingPicker meetings)
{
    public async Task<Outcome<MotionRecord>> ScheduleAsync(string motionId, ScheduleConsultation command, string actor,
        CancellationToken cancellationToken) =>
        await ConsultationAsync(motionId, command, actor, null, cancellationToken);

    /// <summary>
    /// A meeting the motion is on moved or was cancelled: the motion follows it. A motion that has moved on (decided,
    /// withdrawn) has nothing to follow; one whose step failed must be retried first and is answered with a conflict,
    /// so the meeting's sync tries it again later.
    /// </summary>
    public async Task<Outcome<MotionRecord>> FollowMeetingAsync(string motionId, FollowMeeting command, string actor,
        CancellationToken cancellationToken)
    {
        var motion = await motions.GetAsync(motionId, cancellationToken);
        return motion switch
        {
            null => Outcomes.Fail<MotionRecord>(OutcomeKind.NotFound, Outcomes.NotFound),
            { Stage: MotionStage.Failed } => Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict,
                "Ein Schritt dieses Antrags ist fehlgeschlagen; das Ratsbüro muss ihn zuerst wiederholen."),
            { Stage: not (MotionStage.Consultation or MotionStage.Council) } => Outcomes.Ok(motion, OutcomeKind.Done, "Keine Änderung."),
            _ => await SendAsync(motion, new FollowMeetingChange(NewId(), actor, command), cancellationToken),
        };
    }

    /// <summary>A body's result; <paramref name="followUp"/> (checked where it was made, <see cref="FollowUpPeriod.FromDays"/>)
    /// starts a Wiedervorlage when the result is the council's decision.</summary>
    public async Task<Outcome<MotionRecord>> RecordResultAsync(string motionId, RecordConsultationResult command, string actor,
        FollowUpPeriod? followUp, CancellationToken cancellationToken) =>
        await ConsultationAsync(motionId, command, actor, followUp, cancellationToken);

    /// <summary>The faction (status-link token) or a clerk on its behalf (<paramref name="clerk"/>), before the council's decision.</summary>
    public async Task<Outcome<MotionRecord>> WithdrawAsync(string motionId, string? statusToken, string? clerk, CancellationToken cancellationToken)
    {
        if (clerk is null)
        {
            var resolution = await tokens.ResolveAsync(TokenPurpose.Status, statusToken, cancellationToken);
            if (!resolution.IsValid || resolution.Token!.Subject.MotionId != motionId)
            {
                return Outcomes.Fail<MotionRecord>(resolution.Status == TokenStatus.Expired ? OutcomeKind.Expired : OutcomeKind.Denied,
                    "Dieser Link berechtigt nicht zum Zurückziehen des Antrags.");
            }
        }
        var motion = await motions.GetAsync(motionId, cancellationToken);
        if (motion is null)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.NotFound, Outcomes.NotFound);
        }
        if (!MotionStages.CanWithdraw(motion.Stage))
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict, motion.Stage switch
            {
                MotionStage.Decided => "Der Rat hat bereits beschlossen; der Antrag kann nicht mehr zurückgezogen werden.",
                MotionStage.Withdrawn => "Der Antrag ist bereits zurückgezogen.",
                MotionStage.AwaitingConfirmation => "Der Antrag ist noch nicht bestätigt; ohne Bestätigung verfällt er von selbst.",
                _ => "Der Antrag steckt in einem fehlgeschlagenen Schritt; das Ratsbüro muss ihn zuerst wiederholen.",
            });
        }
        return await SendAsync(motion, new WithdrawMotion(NewId(),
            clerk is null ? "Fraktion" : $"Ratsbüro ({clerk}) im Auftrag der Fraktion"), cancellationToken);
    }

    public async Task<Outcome<MotionRecord>> EndFollowUpAsync(string motionId, string clerk, CancellationToken cancellationToken)
    {
        var motion = await motions.GetAsync(motionId, cancellationToken);
        if (motion is null)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.NotFound, Outcomes.NotFound);
        }
        return motion.Stage != MotionStage.Decided
            ? Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict, "Eine Wiedervorlage gibt es erst nach dem Beschluss.")
            : motion.FollowUpInterval is null
            ? Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict, "Für diesen Antrag läuft keine Wiedervorlage.")
            : await SendAsync(motion, new EndFollowUp(NewId(), clerk), cancellationToken);
    }

    /// <summary>
    /// Runs the step that failed after all its attempts once more; the orchestrator waits for exactly this. A motion
    /// whose workflow itself broke (a defect, not a failing step) cannot be retried.
    /// </summary>
    public async Task<Outcome<MotionRecord>> RetryAsync(string motionId, string clerk, CancellationToken cancellationToken)
    {
        var motion = await motions.GetAsync(motionId, cancellationToken);
        if (motion is null)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.NotFound, Outcomes.NotFound);
        }
        if (motion.Stage != MotionStage.Failed)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict,
                "Dieser Antrag hat keinen fehlgeschlagenen Schritt, der wiederholt werden kann.");
        }
        if (await engine.GetInstanceAsync(motionId, cancellationToken) is not { IsRunning: true })
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict,
                "Der Ablauf dieses Antrags ist mit einem Programmfehler beendet; das Ratsbüro kann ihn nicht wiederholen. " +
                "Bitte wenden Sie sich an den Betrieb.");
        }
        return await SendAsync(motion, new RetryFailedStep(NewId(), clerk), cancellationToken);
    }

    private async Task<Outcome<MotionRecord>> ConsultationAsync(string motionId, ConsultationCommand command, string actor,
        FollowUpPeriod? followUp, CancellationToken cancellationToken)
    {
        var motion = await motions.GetAsync(motionId, cancellationToken);
        if (motion is null)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.NotFound, Outcomes.NotFound);
        }
        if (motion.Stage is not (MotionStage.Consultation or MotionStage.Council))
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict,
                $"Der Antrag ist im Stand „{MotionStages.Label(motion.Stage)}“; " +
                "Termine und Ergebnisse sind erst in der Beratungsfolge möglich.");
        }
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        if (command is ScheduleConsultation { MeetingId: { } meetingId } named)
        {
            var meeting = await meetings.ByIdAsync(meetingId, named.OrganizationId, named.MeetingDate, catalog, cancellationToken);
            if (!meeting.Succeeded)
            {
                return meeting.As<MotionRecord>();
            }
            command = named with { OrganizationId = meeting.Value!.OrganizationId, MeetingDate = meeting.Value.Date };
        }
        if (command is ScheduleConsultation { MeetingDate: { } date } && motion.RegisteredAt is { } registered
            && date < catalog.Body.Today(registered))
        {
            const string tooEarly = "Der Sitzungstermin darf nicht vor der Registrierung des Antrags liegen.";
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Invalid, tooEarly, new Dictionary<string, string[]> { ["meetingDate"] = [tooEarly] });
        }
        var state = new ConsultationState(motion.Consultations, motion.ResolutionTexts);
        var check = ConsultationDecider.Decide(command, state, catalog, catalog.Body.Today(clock.GetUtcNow()));
        if (check.Error is { } error)
        {
            return Outcomes.Fail<MotionRecord>(error.Outcome, error.Detail, error.Errors);
        }
        if (command is ScheduleConsultation { MeetingId: null, OrganizationId: { } organizationId, MeetingDate: { } day } byDate)
        {
            // Only now, once the request is known to be fine: a refused one creates no meeting.
            command = byDate with { MeetingId = (await meetings.OnDayAsync(organizationId, day, cancellationToken)).Id };
        }
        return await SendAsync(motion, command is RecordConsultationResult result
            ? new RecordResult(NewId(), actor, result, followUp)
            : new ScheduleMotion(NewId(), actor, (ScheduleConsultation)command), cancellationToken);
    }

    private async Task<Outcome<MotionRecord>> SendAsync(MotionRecord motion, MotionCommand command, CancellationToken cancellationToken)
    {
        using var waiter = acks.Wait(command.CommandId);
        try
        {
            await engine.RaiseEventAsync(motion.MotionId, CommandEnvelope.EventName, CommandEnvelope.From(command), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return Outcomes.Fail<MotionRecord>(OutcomeKind.Conflict, "Der Ablauf dieses Antrags ist beendet; die Anfrage ist nicht mehr möglich.");
        }
        // Real time, not the app's clock: the answer comes from work running on the wall clock.
        var until = DateTime.UtcNow + options.Value.CommandWait;
        while (DateTime.UtcNow < until)
        {
            var pause = TimeSpan.FromTicks(Math.Min(options.Value.CommandAckPoll.Ticks, (until - DateTime.UtcNow).Ticks));
            await Task.WhenAny(waiter.Answer, Task.Delay(pause > TimeSpan.Zero ? pause : TimeSpan.Zero, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            var current = waiter.Answer.IsCompletedSuccessfully ? waiter.Answer.Result : await motions.GetAsync(motion.MotionId, cancellationToken);
            if (current?.Acks.FirstOrDefault(a => a.CommandId == command.CommandId) is { } ack)
            {
                return ack.Succeeded
                    ? Outcomes.Ok(current, OutcomeKind.Done, ack.Detail)
                    : Outcomes.Fail<MotionRecord>(ack.Kind, ack.Detail ?? "Die Anfrage wurde abgelehnt.", ack.Errors);
            }
        }
        return Outcomes.Ok(motion, OutcomeKind.Accepted, "Die Anfrage ist angenommen und wird bearbeitet.");
    }

    private static string NewId() => Guid.NewGuid().ToString("N");
}
