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
public abstract record ConsultationCommand(string? OrganizationId);

/// <summary><c>POST /api/motions/{id}/schedule</c> <c>{ organizationId, meetingDate }</c>; also moves a meeting (verlegt).</summary>
public sealed record ScheduleConsultation(string? OrganizationId, DateOnly? MeetingDate) : ConsultationCommand(OrganizationId);

/// <summary><c>POST /api/motions/{id}/result</c> <c>{ organizationId, outcome, resolutionText?, referTo?, votes? }</c>.</summary>
/// <param name="ResolutionText">The new Beschlussvorschlag; required for, and only for, <see cref="ConsultationOutcome.Amended"/>.</param>
/// <param name="ReferTo">The committee it is referred to; required for, and only for, <see cref="ConsultationOutcome.Referred"/>.</param>
public sealed record RecordConsultationResult(
    string? OrganizationId,
    ConsultationOutcome? Outcome,
    string? ResolutionText = null,
    string? ReferTo = null,
    VoteCount? Votes = null) : ConsultationCommand(OrganizationId);
