using System.Text.Json.Serialization;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>
/// A clerk's request about the Beratungsfolge. The fields are nullable because they come straight from the JSON API;
/// <see cref="ConsultationDecider"/> answers a missing one with a German message for that field.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ScheduleConsultation), "schedule")]
[JsonDerivedType(typeof(RecordConsultationResult), "result")]
[JsonDerivedType(typeof(FollowMeeting), "followMeeting")]
public abstract record ConsultationCommand(string? OrganizationId);

/// <summary>
/// <c>POST /api/motions/{id}/schedule</c>: puts the motion on a meeting's agenda, or on another meeting's (verlegt).
/// The workflow step takes the date from the meeting (<paramref name="MeetingId"/>) at the moment it places the motion
/// on the agenda, so a meeting moved meanwhile cannot leave the motion on the old date. Without a meeting id (commands
/// sent before meetings existed) only the date is recorded.
/// </summary>
public sealed record ScheduleConsultation(string? OrganizationId, DateOnly? MeetingDate, string? MeetingId = null)
    : ConsultationCommand(OrganizationId);

/// <summary>
/// A meeting the motion is on was moved or cancelled: the motion follows it (new date, or waiting for a date again).
/// Sent by the Sitzungsdienst for every motion on the agenda; the workflow step fills <paramref name="MeetingDate"/> and
/// <paramref name="Cancelled"/> from the stored meeting, so a late or repeated command always applies the meeting's
/// current state. A motion no longer on that meeting (moved elsewhere, result recorded) is left alone.
/// </summary>
public sealed record FollowMeeting(string? OrganizationId, string? MeetingId, DateOnly? MeetingDate = null, bool Cancelled = false)
    : ConsultationCommand(OrganizationId);

/// <summary><c>POST /api/motions/{id}/result</c> <c>{ organizationId, outcome, resolutionText?, referTo?, votes? }</c>.</summary>
/// <param name="ResolutionText">The new Beschlussvorschlag; required for, and only for, <see cref="ConsultationOutcome.Amended"/>.</param>
/// <param name="ReferTo">The committee it is referred to; required for, and only for, <see cref="ConsultationOutcome.Referred"/>.</param>
public sealed record RecordConsultationResult(
    string? OrganizationId,
    ConsultationOutcome? Outcome,
    string? ResolutionText = null,
    string? ReferTo = null,
    VoteCount? Votes = null) : ConsultationCommand(OrganizationId);
