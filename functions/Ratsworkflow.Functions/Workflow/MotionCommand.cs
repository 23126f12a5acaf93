using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// Everything people ask of a running motion arrives as one "Command" event, so the orchestrator has one queue to
/// read in order, and each command gets an answer (<see cref="Motions.CommandAck"/>) the API waits for.
/// </summary>
public sealed record MotionCommand(string CommandId, MotionCommandType Type, string Actor)
{
    public const string EventName = "Command";

    public string? MemberId { get; init; }
    public int? Round { get; init; }
    public VoteChoice? Choice { get; init; }
    public string? Comment { get; init; }
    public ConsultationCommand? Consultation { get; init; }
    public TimeSpan? FollowUpAfter { get; init; }
}

public enum MotionCommandType
{
    Vote,
    Consultation,
    Withdraw,
    EndFollowUp,
}

public sealed record MotionWorkflowInput(string MotionId, WorkflowSettings Settings, FollowUp? FollowUp = null);

/// <summary>A running Wiedervorlage: after the decision the instance continues as new for each period.</summary>
/// <param name="DueAt">When the next one is due: counted from the decision, not from when a step happened to run.</param>
public sealed record FollowUp(TimeSpan Interval, int Count, DateTime DueAt);
