using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// A motion on a meeting's agenda as stored: where it goes (<see cref="Order"/>, <see cref="Public"/>) is the
/// clerks'; what it is and what came of it is written by the motion's workflow. The TOP number is not stored but
/// counted from the order (<see cref="Agenda"/>), so it cannot have gaps.
/// </summary>
/// <param name="Occurrence">Which consultation of the motion by this organization it is (1, or 2 after a referral back).</param>
/// <param name="ResolutionText">The Beschlussvorschlag as it stood after the result (the amended one for "geändert").</param>
public sealed record AgendaEntry(
    string MotionId,
    int Order,
    bool Public,
    string Reference,
    string Title,
    string FactionId,
    int Occurrence,
    bool IsCouncil,
    DateTimeOffset Added,
    ConsultationOutcome? Outcome = null,
    VoteCount? Votes = null,
    string? ResolutionText = null,
    DateTimeOffset? RecordedAt = null)
{
    public bool HasResult => Outcome is not null;
}

/// <summary>What the workflow records on the agenda when a result is entered.</summary>
public sealed record AgendaResult(ConsultationOutcome Outcome, VoteCount? Votes, string ResolutionText, DateTimeOffset RecordedAt);

/// <summary>An entry with its TOP number.</summary>
public sealed record AgendaItem(int Number, AgendaEntry Entry)
{
    public string MotionId => Entry.MotionId;
}

/// <summary>
/// A meeting with its agenda in order: the public part first, then the non-public one, each by the clerks' order
/// (ties by motion id, so two motions added at the same moment still get a fixed place). TOPs are numbered 1…n
/// through both parts, so removing or moving a motion never leaves a gap.
/// </summary>
public sealed record Agenda(Meeting Meeting, IReadOnlyList<AgendaItem> Items)
{
    /// <summary>A table transaction holds 100 writes: the meeting row and every entry of a reordered agenda.</summary>
    public const int MaxItems = 99;

    public static Agenda Of(Meeting meeting, IEnumerable<AgendaEntry> entries) => new(meeting,
        entries.OrderBy(e => e.Public ? 0 : 1).ThenBy(e => e.Order).ThenBy(e => e.MotionId, StringComparer.Ordinal)
            .Select((e, i) => new AgendaItem(i + 1, e)).ToList());

    public AgendaItem? Find(string motionId) => Items.FirstOrDefault(i => i.MotionId == motionId);

    public IEnumerable<AgendaItem> PublicPart => Items.Where(i => i.Entry.Public);

    public IEnumerable<AgendaItem> NonPublicPart => Items.Where(i => !i.Entry.Public);

    /// <summary>Motions still waiting for their result in this meeting: those a move or a cancellation takes along.</summary>
    public IEnumerable<AgendaItem> Open => Items.Where(i => !i.Entry.HasResult);
}
