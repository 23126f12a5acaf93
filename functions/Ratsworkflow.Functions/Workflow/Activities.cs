using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>The activities' names and the retry policy they share: a mail server or storage hiccup is retried, durably.</summary>
public static class Activities
{
    public const string RegisterMotion = nameof(RegisterMotion);
    public const string StartBeiratVote = nameof(StartBeiratVote);
    public const string RecordVote = nameof(RecordVote);
    public const string SendVoteReminders = nameof(SendVoteReminders);
    public const string CloseBeiratVote = nameof(CloseBeiratVote);
    public const string BeginConsultation = nameof(BeginConsultation);
    public const string ApplyConsultationCommand = nameof(ApplyConsultationCommand);
    public const string AlertOverdue = nameof(AlertOverdue);
    public const string WithdrawMotion = nameof(WithdrawMotion);
    public const string AcknowledgeCommand = nameof(AcknowledgeCommand);
    public const string SendFollowUp = nameof(SendFollowUp);
    public const string EndFollowUp = nameof(EndFollowUp);

    public static TaskOptions Retry { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(MaxNumberOfAttempts: 6, FirstRetryInterval: TimeSpan.FromSeconds(10), BackoffCoefficient: 3, MaxRetryInterval: TimeSpan.FromHours(1)));
}

/// <summary>What registration tells the orchestrator about the motion; immutable from then on.</summary>
public sealed record RegisteredMotion(
    string MotionId,
    string Reference,
    string? BeiratId,
    IReadOnlyList<string> VotingMemberIds,
    IReadOnlyList<string> Committees,
    string CouncilId,
    string ResolutionText);

public sealed record StartBeiratVoteInput(string MotionId, string BeiratId, int Round, DateTime Deadline);

/// <param name="Comment">The member's optional comment; personal data, shown to clerks only. Last and optional, so inputs recorded before it replay.</param>
public sealed record RecordVoteInput(string MotionId, string CommandId, int Round, string? MemberId, VoteChoice? Choice, VoteCount Votes, string? Refusal, bool Replaced, string? Comment = null);

public sealed record SendVoteRemindersInput(string MotionId, string BeiratId, int Round, DateTime Deadline, IReadOnlyList<string> MemberIds);

public sealed record CloseBeiratVoteInput(string MotionId, string BeiratId, int Round, VoteCount Votes, BeiratOutcome Outcome, bool HasQuorum);

public sealed record BeginConsultationInput(string MotionId, ConsultationState State);

public sealed record ApplyConsultationInput(string MotionId, string CommandId, string Actor, ConsultationCommand Command, ConsultationState State, TimeSpan? FollowUpAfter);

/// <summary>The decision's events (empty when refused; the refusal is acknowledged to the caller by the activity).</summary>
/// <param name="RecordedAt">When the activity recorded it: the reference for a Wiedervorlage's first due date.</param>
public sealed record ConsultationApplied(IReadOnlyList<ConsultationEvent> Events, TimeSpan? FollowUpAfter, DateTimeOffset RecordedAt);

public sealed record AlertOverdueInput(string MotionId, string OrganizationId, DateOnly MeetingDate, int Day);

public sealed record WithdrawMotionInput(string MotionId, string CommandId, string Actor);

public sealed record AcknowledgeInput(string MotionId, string CommandId, int Status, string Detail);

public sealed record FollowUpInput(string MotionId, int Count, TimeSpan Interval, string? CommandId = null);
