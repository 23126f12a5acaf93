using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// Everything clerks and factions ask of a running motion arrives as one "Command" event, so the orchestrator has one
/// queue to read in order, and each command gets an answer (<see cref="Motions.CommandAck"/>) the API waits for.
/// Beirat votes do not: they are stored at once (<see cref="Beirat.BallotStore"/>) and only announced to the
/// orchestrator (<see cref="VoteArrived"/>).
/// </summary>
public sealed record MotionCommand(string CommandId, MotionCommandType Type, string Actor)
{
    public const string EventName = "Command";

    public ConsultationCommand? Consultation { get; init; }
    public TimeSpan? FollowUpAfter { get; init; }
}

public enum MotionCommandType
{
    Consultation,
    Withdraw,
    EndFollowUp,

    /// <summary>A clerk's "Schritt wiederholen" for a step whose every attempt failed.</summary>
    Retry,
}

public sealed record MotionWorkflowInput(string MotionId, WorkflowSettings Settings, FollowUp? FollowUp = null);

/// <summary>A running Wiedervorlage: after the decision the instance continues as new for each period.</summary>
/// <param name="DueAt">When the next one is due: counted from the decision, not from when a step happened to run.</param>
public sealed record FollowUp(TimeSpan Interval, int Count, DateTime DueAt);

/// <summary>A member voted: the ballot has the vote; the orchestrator counts again and closes early when it can.</summary>
public sealed record VoteArrived(string MemberId)
{
    public const string EventName = "VoteArrived";
}
