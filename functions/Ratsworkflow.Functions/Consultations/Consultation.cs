using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>One entry of the Beratungsfolge. A body may appear more than once (e.g. after a referral), so entries are
/// addressed by position.</summary>
/// <param name="Outcome">Null until recorded; <see cref="ConsultationOutcome.Postponed"/> while waiting for a new date.</param>
/// <param name="MeetingId">
/// The meeting (Sitzung) whose agenda the motion is on while scheduled; null while waiting for a date, and for
/// consultations scheduled before meetings existed (those only have the date).
/// </param>
public sealed record Consultation(
    string OrganizationId,
    bool IsCouncil,
    DateOnly? MeetingDate = null,
    ConsultationOutcome? Outcome = null,
    VoteCount? Votes = null,
    string? MeetingId = null)
{
    public bool IsFinished => Outcome is { } outcome && outcome.Finishes();

    /// <summary>
    /// Earlier meetings that postponed it (vertagt), oldest first; null when none did. A new date and result replace
    /// <see cref="MeetingDate"/> and <see cref="Outcome"/>, so without these the Beratungsfolge would lose those sessions.
    /// </summary>
    public IReadOnlyList<PostponedMeeting>? Postponed { get; init; }

    /// <summary>
    /// Every meeting that dealt with it, postponed ones first, then the current state (while it waits for a new date
    /// after a postponement: open, as that postponement is listed already). What the Beratungsfolge tables list.
    /// </summary>
    public IEnumerable<Consultation> Sessions() =>
        (Postponed ?? [])
            .Select(p => this with { MeetingDate = p.MeetingDate, Outcome = ConsultationOutcome.Postponed, Votes = p.Votes, Postponed = null })
            .Append(this is { Outcome: ConsultationOutcome.Postponed, MeetingDate: null, Postponed.Count: > 0 }
                ? this with { Outcome = null, Votes = null }
                : this);
}

/// <summary>A meeting that postponed a consultation, with its vote counts if recorded.</summary>
public sealed record PostponedMeeting(DateOnly MeetingDate, VoteCount? Votes);

/// <summary>One version of the Beschlussvorschlag; version 1 is the faction's, each amendment adds one.</summary>
/// <param name="AmendedBy">The organization whose result changed it; null for the original.</param>
public sealed record ResolutionTextVersion(int Version, string Text, string? AmendedBy = null, DateOnly? MeetingDate = null);
