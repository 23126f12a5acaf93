using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>
/// Keeps the meetings' agendas in step with a motion's consultations, from inside the step that records them: the
/// motion is put on the agenda before its schedule is saved, and taken off the previous one after. A crash in between
/// reruns the step, which finds the motion on the agenda already and carries on — the agenda and the schedule meet
/// again.
/// </summary>
internal sealed class ConsultationAgenda(AgendaKeeper agenda, MeetingStore meetings)
{
    /// <summary>How often a meeting may move between reading it and placing the motion before the step gives up (and is retried).</summary>
    private const int Rounds = 5;

    /// <summary>
    /// Decides the command with the meeting as it is stored and places the motion on it: a schedule takes the
    /// meeting's date, not the request's, and if the meeting moved between the two, it is decided again with the new
    /// date. Null decision: refused, with the reason for the caller.
    /// </summary>
    public async Task<(ConsultationDecision Decision, Meeting? Meeting)> DecideAsync(
        ConsultationCommand command, ConsultationState state, MotionRecord motion, Func<ConsultationCommand, ConsultationDecision> decide)
    {
        for (var round = 0; round < Rounds; round++)
        {
            var (resolved, meeting, refusal) = await ResolveAsync(command);
            if (refusal is not null)
            {
                return (refusal, meeting);
            }
            var decision = decide(resolved);
            if (!decision.IsAccepted
                || decision.Events.OfType<ConsultationScheduled>().FirstOrDefault() is not { MeetingId: { } meetingId } scheduled)
            {
                return (decision, meeting);
            }
            var placed = await agenda.PlaceAsync(meetingId, Entry(motion, state, scheduled));
            switch (placed.Result)
            {
                case Placement.Placed when placed.Meeting!.Date == scheduled.MeetingDate:
                    return (decision, placed.Meeting);
                case Placement.Placed:
                    continue;
                case Placement.Full:
                    return (ConsultationDecision.Conflict($"Die Tagesordnung der Sitzung ist voll (höchstens {Agenda.MaxItems} Anträge)."),
                        placed.Meeting);
                default:
                    return (Refusal(placed.Meeting), placed.Meeting);
            }
        }
        throw new InvalidOperationException($"Motion {motion.MotionId}: the meeting kept moving while the motion was put on its agenda.");
    }

    /// <summary>After the decision: off the previous agenda, or the result onto the agenda it was decided on.</summary>
    public async Task FollowUpAsync(string motionId, ConsultationState before, ConsultationState after,
        IReadOnlyList<ConsultationEvent> events, DateTimeOffset now)
    {
        var previous = before.Current?.MeetingId;
        foreach (var e in events)
        {
            switch (e)
            {
                case ConsultationScheduled s when previous is not null && s.MeetingId != previous:
                    await agenda.LeaveAsync(previous, motionId);
                    break;
                case ConsultationResultRecorded r when previous is not null:
                    await agenda.RecordAsync(previous, motionId, new AgendaResult(r.Outcome, r.Votes, after.ResolutionText, now));
                    break;
            }
        }
    }

    /// <summary>A withdrawn motion leaves the agenda it waited on; the TOPs after it move up.</summary>
    public Task WithdrawAsync(MotionRecord motion) =>
        motion.Consultations.Count > 0
            && new ConsultationState(motion.Consultations, motion.ResolutionTexts).Current is { MeetingId: { } meetingId, Outcome: null }
            ? agenda.LeaveAsync(meetingId, motion.MotionId)
            : Task.CompletedTask;

    private async Task<(ConsultationCommand Command, Meeting? Meeting, ConsultationDecision? Refusal)> ResolveAsync(ConsultationCommand command)
    {
        switch (command)
        {
            case ScheduleConsultation { MeetingId: { } id } schedule:
                var meeting = await meetings.GetAsync(id);
                if (meeting is null || meeting.OrganizationId != schedule.OrganizationId || meeting.State == MeetingState.Cancelled)
                {
                    return (command, meeting, Refusal(meeting));
                }
                return (schedule with { MeetingDate = meeting.Date }, meeting, null);
            case FollowMeeting { MeetingId: { } id } follow:
                var followed = await meetings.GetAsync(id);
                return (follow with { MeetingDate = followed?.Date, Cancelled = followed is null or { State: MeetingState.Cancelled } },
                    followed, null);
            default:
                return (command, null, null);
        }
    }

    private static ConsultationDecision Refusal(Meeting? meeting) => ConsultationDecision.Conflict(meeting is { State: MeetingState.Cancelled }
        ? $"Die Sitzung am {MeetingTexts.Date(meeting.Date)} ist abgesagt. Bitte wählen Sie eine andere Sitzung."
        : "Diese Sitzung gibt es nicht (mehr) für dieses Gremium. Bitte wählen Sie eine andere Sitzung.");

    private static AgendaEntry Entry(MotionRecord motion, ConsultationState state, ConsultationScheduled scheduled)
    {
        var consultation = state.Consultations[scheduled.Position];
        var occurrence = state.Consultations.Take(scheduled.Position + 1).Count(c => c.OrganizationId == consultation.OrganizationId);
        return new AgendaEntry(motion.MotionId, 0, Public: true, motion.Reference ?? "", motion.Title, motion.FactionId, occurrence,
            consultation.IsCouncil, motion.UpdatedAt);
    }
}
