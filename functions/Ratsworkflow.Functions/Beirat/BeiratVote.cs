using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>The Beirat vote of docs/design.md §1 as pure functions: no clock, no storage.</summary>
public static class BeiratVote
{
    /// <param name="votes">Current vote per voting member id.</param>
    /// <param name="votingMembers">How many voting members the Beirat has (advisory members do not count).</param>
    /// <param name="deadlinePassed">Whether the deadline has been reached.</param>
    public static BeiratTally Tally(IReadOnlyDictionary<string, VoteChoice> votes, int votingMembers, BeiratRules rules, bool deadlinePassed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(votingMembers);
        var count = new VoteCount(
            votes.Values.Count(v => v == VoteChoice.Yes),
            votes.Values.Count(v => v == VoteChoice.No),
            votes.Values.Count(v => v == VoteChoice.Abstain));
        var hasQuorum = count.Total > rules.QuorumShare * votingMembers;
        var isClosed = deadlinePassed
            || count.Total >= votingMembers
            || (hasQuorum && HasAbsoluteMajority(count, votingMembers));
        var outcome = (isClosed, hasQuorum) switch
        {
            (false, _) => BeiratOutcome.Pending,
            (true, false) => BeiratOutcome.None,
            // Abstentions count for the quorum only; a tie rejects (NKomVG § 66).
            _ => count.Yes > count.No ? BeiratOutcome.Recommends : BeiratOutcome.Rejects,
        };
        return new BeiratTally(count, votingMembers, hasQuorum, isClosed, outcome);
    }

    /// <summary>
    /// Counts <paramref name="choice"/> for <paramref name="memberId"/> while the vote is open; a later vote replaces the
    /// earlier one. Once the vote has closed every vote is final and a new one is refused.
    /// </summary>
    public static VoteCast Cast(
        IReadOnlyDictionary<string, VoteChoice> votes,
        IReadOnlyCollection<string> votingMemberIds,
        string memberId,
        VoteChoice choice,
        BeiratRules rules,
        bool deadlinePassed)
    {
        var before = Tally(votes, votingMemberIds.Count, rules, deadlinePassed);
        if (!Enum.IsDefined(choice))
        {
            return new VoteCast(votes, before, Refusal: VoteRefusal.InvalidChoice, Reason: "Bitte stimmen Sie mit Ja, Nein oder Enthaltung.");
        }
        if (!votingMemberIds.Contains(memberId))
        {
            return new VoteCast(votes, before, Refusal: VoteRefusal.NotEligible, Reason: "Sie sind in diesem Beirat nicht stimmberechtigt.");
        }
        if (before.IsClosed)
        {
            return new VoteCast(votes, before, Refusal: VoteRefusal.Closed,
                Reason: "Die Abstimmung ist bereits abgeschlossen; Ihre Stimme kann nicht mehr berücksichtigt werden.");
        }
        var after = new Dictionary<string, VoteChoice>(votes, StringComparer.Ordinal) { [memberId] = choice };
        var replaced = votes.TryGetValue(memberId, out var previous) ? previous : (VoteChoice?)null;
        return new VoteCast(after, Tally(after, votingMemberIds.Count, rules, deadlinePassed), replaced);
    }

    /// <summary>
    /// More than half of all voting members chose the same: the remaining votes cannot change the result any more.
    /// Closing early also needs the quorum, since with a stricter quorum more votes could still make it valid.
    /// </summary>
    private static bool HasAbsoluteMajority(VoteCount count, int votingMembers) =>
        2 * Math.Max(count.Yes, count.No) > votingMembers;
}
