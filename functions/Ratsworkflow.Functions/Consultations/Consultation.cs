using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>One entry of the Beratungsfolge. A body may appear more than once (e.g. after a referral), so entries are addressed by position.</summary>
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
}

/// <summary>One version of the Beschlussvorschlag; version 1 is the faction's, each amendment adds one.</summary>
/// <param name="AmendedBy">The organization whose result changed it; null for the original.</param>
public sealed record ResolutionTextVersion(int Version, string Text, string? AmendedBy = null, DateOnly? MeetingDate = null);
