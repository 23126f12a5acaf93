using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// Everything clerks and factions ask of a running motion, one type per command. Each reaches the orchestrator as one
/// "Command" event (in its wire form, <see cref="CommandEnvelope"/>), so the orchestrator has one queue to read in
/// order, and each command gets an answer (<see cref="Motions.CommandAck"/>) the API waits for. Beirat votes do not:
/// they are stored at once (<see cref="Beirat.BallotStore"/>) and only announced to the orchestrator
/// (<see cref="VoteArrived"/>).
/// </summary>
/// <param name="CommandId">The id the answer is recorded under.</param>
/// <param name="Actor">Who asked, as the timeline names them.</param>
public abstract record MotionCommand(string CommandId, string Actor);

/// <summary>The faction, or a clerk on its behalf, withdraws the motion before the council's decision.</summary>
public sealed record WithdrawMotion(string CommandId, string Actor) : MotionCommand(CommandId, Actor);

/// <summary>A clerk ends the Wiedervorlage that runs after the decision.</summary>
public sealed record EndFollowUp(string CommandId, string Actor) : MotionCommand(CommandId, Actor);

/// <summary>A clerk's "Schritt wiederholen" for a step whose every attempt failed.</summary>
public sealed record RetryFailedStep(string CommandId, string Actor) : MotionCommand(CommandId, Actor);

/// <summary>Puts the motion on a meeting's agenda, or on another meeting's (verlegt).</summary>
public sealed record ScheduleMotion(string CommandId, string Actor, ScheduleConsultation Schedule) : MotionCommand(CommandId, Actor);

/// <summary>The meeting the motion is on moved or was cancelled; the motion follows it.</summary>
public sealed record FollowMeetingChange(string CommandId, string Actor, FollowMeeting Change) : MotionCommand(CommandId, Actor);

/// <summary>A body's result; with the council's, optionally a Wiedervorlage (<paramref name="FollowUp"/>).</summary>
/// <param name="FollowUp">Only meaningful with the council's decision; ignored with any other body's result.</param>
public sealed record RecordResult(string CommandId, string Actor, RecordConsultationResult Result, FollowUpPeriod? FollowUp = null)
    : MotionCommand(CommandId, Actor);

/// <summary>
/// An event the orchestrator cannot read as any command (a consultation command without its consultation). Never sent
/// by <see cref="CommandService"/>; every phase refuses it, as it refused such an event before commands had types.
/// </summary>
public sealed record UnreadableCommand(string CommandId, string Actor) : MotionCommand(CommandId, Actor);

public sealed record MotionWorkflowInput(string MotionId, WorkflowSettings Settings, FollowUp? FollowUp = null);

/// <summary>A running Wiedervorlage: after the decision the instance continues as new for each period.</summary>
/// <param name="DueAt">When the next one is due: counted from the decision, not from when a step happened to run.</param>
public sealed record FollowUp(TimeSpan Interval, int Count, DateTime DueAt);

/// <summary>A member voted: the ballot has the vote; the orchestrator counts again and closes early when it can.</summary>
public sealed record VoteArrived(string MemberId)
{
    public const string EventName = "VoteArrived";
}
