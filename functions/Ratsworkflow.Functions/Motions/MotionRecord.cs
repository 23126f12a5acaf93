using System.Text.Json.Serialization;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// A motion as everyone reads it: its texts, where it stands, whom it waits for and until when. The orchestrator's
/// activities are its only writers after submission, so it never needs a replay to be read.
/// </summary>
public sealed record MotionRecord
{
    public required string MotionId { get; init; }
    public string? Reference { get; init; }
    public required string FactionId { get; init; }
    public required string SubmitterName { get; init; }
    public required string SubmitterEmail { get; init; }
    public required string Title { get; init; }
    public required string ResolutionText { get; init; }
    public required string Justification { get; init; }
    public string? FinancialImpact { get; init; }
    public bool BeiratReview { get; init; }
    public IReadOnlyList<string> RequestedConsultations { get; init; } = [];

    /// <summary>The Anlagen (PDF), in the order the faction added them.</summary>
    public IReadOnlyList<Attachments.Attachment> Attachments { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? RegisteredAt { get; init; }

    public MotionStage Stage { get; init; } = MotionStage.AwaitingConfirmation;

    /// <summary>The stage before it failed, so a retried motion shows where it is again.</summary>
    public MotionStage? StageBeforeFailure { get; init; }

    /// <summary>What is happening now, in German, e.g. "Wartet auf den Sitzungstermin".</summary>
    public string Status { get; init; } = "Bestätigung durch die Fraktion ausstehend";

    /// <summary>Who has to act next, in German, e.g. "Ratsbüro" or "Integrationsrat".</summary>
    public string? WaitingFor { get; init; }

    public DateTimeOffset? DueAt { get; init; }
    public bool Overdue { get; init; }
    public IReadOnlyList<Consultation> Consultations { get; init; } = [];
    public IReadOnlyList<ResolutionTextVersion> ResolutionTexts { get; init; } = [];
    public BeiratSummary? Beirat { get; init; }
    public ConsultationOutcome? Decision { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>The Wiedervorlage's period while one runs after the decision; null when none was asked for or it ended.</summary>
    public TimeSpan? FollowUpInterval { get; init; }
    public string? FailureReason { get; init; }

    /// <summary>When the retention job erased the submitter's and the Beirat members' personal data (DSGVO).</summary>
    public DateTimeOffset? PersonalDataDeletedAt { get; init; }

    /// <summary>Decided or withdrawn, with personal data still kept: the retention job's list.</summary>
    public bool AwaitsErasure => Stage is MotionStage.Decided or MotionStage.Withdrawn && PersonalDataDeletedAt is null;

    /// <summary>The workflow step that wrote this record last, so a late rerun of an earlier step cannot overwrite it.</summary>
    public WorkflowStep? LastStep { get; init; }

    /// <summary>The last commands the workflow processed, so an API call can wait for its own answer.</summary>
    public IReadOnlyList<CommandAck> Acks { get; init; } = [];

    public MotionRecord WithAck(CommandAck ack) => this with { Acks = [.. Acks.Where(a => a.CommandId != ack.CommandId).TakeLast(49), ack] };
}

/// <param name="Deadline">When the vote closes at the latest.</param>
/// <param name="MemberVotes">Each member's current vote by member id, so the vote page can show it to that member (and only to them).</param>
public sealed record BeiratSummary(string OrganizationId, int Round, DateTimeOffset Deadline, VoteCount Votes, int VotingMembers,
    BeiratOutcome Outcome, bool ReminderSent = false, IReadOnlyDictionary<string, MemberVote>? MemberVotes = null)
{
    public MemberVote? VoteOf(string? memberId) =>
        memberId is not null && MemberVotes is not null && MemberVotes.TryGetValue(memberId, out var vote) ? vote : null;
}

/// <summary>A Beirat member's current choice, when they made it and their optional comment; a later vote replaces it.</summary>
public sealed record MemberVote(VoteChoice Choice, DateTimeOffset At, string? Comment = null);

/// <summary>The workflow's answer to one command, which the waiting API call or page turns into its response.</summary>
/// <param name="Kind">Stored as <c>status</c> with its number, as rows written before kinds existed hold it.</param>
public sealed record CommandAck(
    string CommandId,
    [property: JsonPropertyName("status"), JsonConverter(typeof(OutcomeCodeJsonConverter))] OutcomeKind Kind,
    string? Detail = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Kind.Succeeded();

    public static CommandAck Ok(string commandId, string? detail = null) => new(commandId, OutcomeKind.Done, detail);

    public static CommandAck Conflict(string commandId, string detail) => new(commandId, OutcomeKind.Conflict, detail);
}

/// <summary>One line of a motion's timeline: what happened, when, and who did it.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Type, string Text, string? Actor = null);

/// <summary>An activity call of the motion's orchestration: its execution and task id (ordered within an execution).</summary>
public sealed record WorkflowStep(string ExecutionId, int TaskId);
