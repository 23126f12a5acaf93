using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Api;

public sealed record TokenRequest(string? Token);

/// <summary>Either the meeting (<paramref name="MeetingId"/>) or the body and day, whose meeting is used or created.</summary>
public sealed record ScheduleRequest(string? OrganizationId, DateOnly? MeetingDate, string? MeetingId = null);

/// <param name="FollowUpAfterDays">Only with the council's result: a Wiedervorlage after this many days (repeats until ended).</param>
public sealed record ResultRequest(string? OrganizationId, ConsultationOutcome? Outcome, string? ResolutionText, string? ReferTo,
    VoteCount? Votes, int? FollowUpAfterDays);

public sealed record VoteRequest(VoteChoice? Choice, string? Comment);

public sealed record SubmittedResponse(string MotionId, MotionStage Status);

public sealed record CommandResponse(string MotionId, MotionStage Stage, string? Detail);

public sealed record MotionListResponse(IReadOnlyList<MotionListItem> Items, string? Continuation);
