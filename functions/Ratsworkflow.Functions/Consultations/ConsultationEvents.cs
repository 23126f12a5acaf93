using System.Text.Json.Serialization;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>
/// What happened to the Beratungsfolge. <see cref="Position"/> is the entry's index in
/// <see cref="ConsultationState.Consultations"/> when the event happened; the organization id is repeated so a
/// history stays readable and <see cref="ConsultationState.Apply"/> can check it is applied to the state it came from.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ConsultationScheduled), "scheduled")]
[JsonDerivedType(typeof(ConsultationUnscheduled), "unscheduled")]
[JsonDerivedType(typeof(ConsultationResultRecorded), "resultRecorded")]
[JsonDerivedType(typeof(ResolutionTextAmended), "resolutionTextAmended")]
[JsonDerivedType(typeof(ConsultationInserted), "inserted")]
[JsonDerivedType(typeof(MotionDecided), "decided")]
public abstract record ConsultationEvent(int Position, string OrganizationId);

/// <param name="PreviousMeetingDate">Set when a meeting was moved, so the faction's mail can say so.</param>
/// <param name="MeetingId">The meeting whose agenda the motion is on now; null for a date without a meeting (before meetings existed).</param>
public sealed record ConsultationScheduled(int Position, string OrganizationId, DateOnly MeetingDate, DateOnly? PreviousMeetingDate,
    string? MeetingId = null)
    : ConsultationEvent(Position, OrganizationId)
{
    /// <summary>The date stayed, only the meeting was linked (a date from before meetings existed): nobody needs a mail.</summary>
    public bool DateUnchanged => PreviousMeetingDate == MeetingDate;
}

/// <summary>The meeting the motion was on was cancelled: the consultation waits for a new date.</summary>
public sealed record ConsultationUnscheduled(int Position, string OrganizationId, DateOnly? PreviousMeetingDate, string MeetingId)
    : ConsultationEvent(Position, OrganizationId);

/// <summary>Every recorded result, including a postponement; from a committee it is a recommendation.</summary>
public sealed record ConsultationResultRecorded(
    int Position,
    string OrganizationId,
    ConsultationOutcome Outcome,
    DateOnly MeetingDate,
    VoteCount? Votes,
    bool ByCouncil) : ConsultationEvent(Position, OrganizationId);

public sealed record ResolutionTextAmended(int Position, string OrganizationId, int Version, string ResolutionText, DateOnly MeetingDate)
    : ConsultationEvent(Position, OrganizationId);

/// <summary>A referral added a consultation at <see cref="ConsultationEvent.Position"/>.</summary>
/// <param name="ReferredBy">The organization whose result was the referral.</param>
public sealed record ConsultationInserted(int Position, string OrganizationId, bool IsCouncil, string ReferredBy)
    : ConsultationEvent(Position, OrganizationId);

/// <summary>The council's result: the process ends here.</summary>
public sealed record MotionDecided(int Position, string OrganizationId, ConsultationOutcome Outcome, DateOnly MeetingDate, string ResolutionText)
    : ConsultationEvent(Position, OrganizationId);
