using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Meetings;

/// <summary><c>POST /api/meetings</c>: a new meeting; <paramref name="StartTime"/> as "17:00".</summary>
public sealed record CreateMeetingRequest(string? OrganizationId, DateOnly? Date, string? StartTime, string? Place);

/// <summary>
/// <c>PATCH /api/meetings/{id}</c>: what is given changes, what is left out stays. A new <paramref name="Date"/> moves
/// the meeting with its motions; <paramref name="State"/> <c>cancelled</c> cancels it (its motions wait for a new
/// date), <c>invited</c> and <c>held</c> record the invitation and that it took place. An empty place clears it.
/// </summary>
public sealed record ChangeMeetingRequest(DateOnly? Date, string? StartTime, string? Place, MeetingState? State);

/// <summary><c>POST /api/meetings/{id}/agenda</c>: every motion of the agenda once, in the new order.</summary>
/// <param name="Version">The meeting's version the order was made from; when given, a meeting changed meanwhile is a 409.</param>
public sealed record ReorderRequest(IReadOnlyList<AgendaPlace>? Items, int? Version = null);

/// <param name="Public">False puts the motion into the non-public part (nichtöffentlicher Teil).</param>
public sealed record AgendaPlace(string? MotionId, bool? Public = null);

/// <summary><c>POST /api/meetings/{id}/results</c>: the results of a held meeting, one per motion, recorded in one pass.</summary>
public sealed record MeetingResultsRequest(IReadOnlyList<MotionResult>? Results);

/// <summary>One motion's result, as <c>POST /api/motions/{id}/result</c> takes it (the organization is the meeting's).</summary>
public sealed record MotionResult(string? MotionId, ConsultationOutcome? Outcome, string? ResolutionText = null, string? ReferTo = null,
    VoteCount? Votes = null, int? FollowUpAfterDays = null);

/// <summary>What became of one motion when the meeting's change or results went through its workflow.</summary>
/// <param name="Kind">As the motion's own command answered: done, accepted (still being processed), or refused with
/// <paramref name="Detail"/>.</param>
public sealed record MotionAnswer(string MotionId, string Reference, OutcomeKind Kind, string? Detail)
{
    public bool Succeeded => Kind.Succeeded();
}
