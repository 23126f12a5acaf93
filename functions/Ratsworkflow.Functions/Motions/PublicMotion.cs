using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// What anyone may read about a motion without asking: no submitter, no texts (those are read from the record when a
/// single motion is shown), no votes of persons. A motion is public once it is registered (it has its reference);
/// before the faction's confirmation it is not binding and shows nowhere.
/// </summary>
/// <param name="Stage">The stage as the public sees it: a failed step shows the stage it failed in.</param>
/// <param name="RegisteredAt">When it became public (the OParl <c>created</c> of its Paper).</param>
/// <param name="Attachments">Its Anlagen (published with it); null when it has none.</param>
public sealed record PublicMotion(
    string MotionId,
    string Reference,
    string Title,
    string FactionId,
    MotionStage Stage,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<Consultation> Consultations,
    PublicBeirat? Beirat = null,
    ConsultationOutcome? Decision = null,
    DateTimeOffset? DecidedAt = null,
    DateTimeOffset? WithdrawnAt = null,
    IReadOnlyList<Attachments.Attachment>? Attachments = null)
{
    public static bool IsPublic(MotionRecord record) =>
        record.Reference is { Length: > 0 } && PublicStage(record) != MotionStage.AwaitingConfirmation;

    /// <exception cref="InvalidOperationException">The motion is not public (<see cref="IsPublic"/>).</exception>
    public static PublicMotion From(MotionRecord record) => IsPublic(record)
        ? new(
            record.MotionId,
            record.Reference!,
            record.Title,
            record.FactionId,
            PublicStage(record),
            record.RegisteredAt ?? record.CreatedAt,
            record.UpdatedAt,
            record.Consultations,
            record.Beirat is { } b ? new PublicBeirat(b.OrganizationId, b.Round, b.Deadline, b.Votes, b.VotingMembers, b.Outcome) : null,
            record.Decision,
            record.DecidedAt,
            record.WithdrawnAt,
            record.Attachments.Count > 0 ? record.Attachments : null)
        : throw new InvalidOperationException($"Motion {record.MotionId} is not public.");

    private static MotionStage PublicStage(MotionRecord record) =>
        record.Stage == MotionStage.Failed ? record.StageBeforeFailure ?? MotionStage.Failed : record.Stage;
}

/// <summary>The Beirat's result as counts only: who voted how stays private.</summary>
public sealed record PublicBeirat(string OrganizationId, int Round, DateTimeOffset Deadline, VoteCount Votes, int VotingMembers,
    BeiratOutcome Outcome);
