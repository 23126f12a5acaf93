using System.Text.Json.Serialization;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow.Steps;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>Every step the orchestrator calls, typed by its input and output; <see cref="All"/> is what the worker registers.</summary>
public static class WorkflowSteps
{
    public static readonly StepCall<RegisterMotionInput, RegisteredMotion> RegisterMotion =
        StepCall.Of<Steps.RegisterMotion, RegisterMotionInput, RegisteredMotion>();
    public static readonly StepCall<StartBeiratVoteInput, bool> StartBeiratVote = StepCall.Of<Steps.StartBeiratVote, StartBeiratVoteInput, bool>();
    public static readonly StepCall<CountVotesInput, BeiratTally> CountVotes = StepCall.Of<Steps.CountVotes, CountVotesInput, BeiratTally>();
    public static readonly StepCall<SendVoteRemindersInput, int> SendVoteReminders =
        StepCall.Of<Steps.SendVoteReminders, SendVoteRemindersInput, int>();
    public static readonly StepCall<CloseBeiratVoteInput, BeiratTally> CloseBeiratVote =
        StepCall.Of<Steps.CloseBeiratVote, CloseBeiratVoteInput, BeiratTally>();
    public static readonly StepCall<BeginConsultationInput, bool> BeginConsultation =
        StepCall.Of<Steps.BeginConsultation, BeginConsultationInput, bool>();
    public static readonly StepCall<ApplyConsultationInput, ConsultationApplied> ApplyConsultationCommand =
        StepCall.Of<Steps.ApplyConsultationCommand, ApplyConsultationInput, ConsultationApplied>();
    public static readonly StepCall<AlertOverdueInput, bool> AlertOverdue = StepCall.Of<Steps.AlertOverdue, AlertOverdueInput, bool>();
    public static readonly StepCall<CommandInput, bool> WithdrawMotion = StepCall.Of<Steps.WithdrawMotion, CommandInput, bool>();
    public static readonly StepCall<RefusalInput, bool> RefuseCommand = StepCall.Of<Steps.RefuseCommand, RefusalInput, bool>();
    public static readonly StepCall<FollowUpInput, bool> SendFollowUp = StepCall.Of<Steps.SendFollowUp, FollowUpInput, bool>();
    public static readonly StepCall<CommandInput, bool> EndFollowUp = StepCall.Of<Steps.EndFollowUp, CommandInput, bool>();
    public static readonly StepCall<MarkFailedInput, bool> MarkFailed = StepCall.Of<Steps.MarkFailed, MarkFailedInput, bool>();
    public static readonly StepCall<CommandInput, bool> ResumeFailedStep = StepCall.Of<Steps.ResumeFailedStep, CommandInput, bool>();

    public static IReadOnlyList<IStepCall> All { get; } =
    [
        RegisterMotion, StartBeiratVote, CountVotes, SendVoteReminders, CloseBeiratVote, BeginConsultation, ApplyConsultationCommand,
        AlertOverdue, WithdrawMotion, RefuseCommand, SendFollowUp, EndFollowUp, MarkFailed, ResumeFailedStep,
    ];
}

public sealed record RegisterMotionInput;

/// <summary>What registration tells the orchestrator about the motion; immutable from then on.</summary>
public sealed record RegisteredMotion(
    string MotionId,
    string Reference,
    string? BeiratId,
    IReadOnlyList<string> VotingMemberIds,
    IReadOnlyList<string> Committees,
    string CouncilId,
    string ResolutionText);

public sealed record StartBeiratVoteInput(string BeiratId, int Round, DateTime Deadline, IReadOnlyList<string> VotingMemberIds);

public sealed record CountVotesInput(int Round, decimal QuorumShare);

public sealed record SendVoteRemindersInput(string BeiratId, int Round, DateTime Deadline);

public sealed record CloseBeiratVoteInput(string BeiratId, int Round, decimal QuorumShare);

public sealed record BeginConsultationInput(ConsultationState State);

public sealed record ApplyConsultationInput(string CommandId, string Actor, ConsultationCommand Command, ConsultationState State,
    TimeSpan? FollowUpAfter);

/// <summary>The decision's events (empty when refused; the refusal is acknowledged to the caller by the step).</summary>
/// <param name="RecordedAt">When the step recorded it: the reference for a Wiedervorlage's first due date.</param>
public sealed record ConsultationApplied(IReadOnlyList<ConsultationEvent> Events, TimeSpan? FollowUpAfter, DateTimeOffset RecordedAt);

public sealed record AlertOverdueInput(string OrganizationId, DateOnly MeetingDate, int Day);

/// <summary>A command the step answers: who asked, so the timeline can say so.</summary>
public sealed record CommandInput(string CommandId, string Actor);

/// <summary>A command that does not fit where the motion stands: answered with <paramref name="Kind"/> and a German reason.</summary>
/// <param name="Kind">Recorded in histories as <c>status</c> with its number, as before kinds existed (<see cref="OutcomeKind"/>).</param>
public sealed record RefusalInput(
    string CommandId,
    [property: JsonPropertyName("status"), JsonConverter(typeof(OutcomeCodeJsonConverter))] OutcomeKind Kind,
    string Detail);

public sealed record FollowUpInput(int Count, TimeSpan Interval);

/// <param name="Step">The step that failed after all its attempts.</param>
public sealed record MarkFailedInput(string Step, string Reason);
