namespace Ratsworkflow.Functions.Beirat;

public enum BallotState
{
    Open,

    /// <summary>The vote is being closed: no new vote is taken; whether one cast just now counts, the close decides.</summary>
    Closing,

    /// <summary>Closed: <see cref="Ballot.Votes"/> are the counted votes, final.</summary>
    Closed,
}

/// <summary>One member's vote: a later one before the close replaces it. <paramref name="VoteId"/> tells two votes of one member apart.</summary>
public sealed record BallotVote(string MemberId, VoteChoice Choice, DateTimeOffset At, string? Comment, string VoteId);

/// <summary>A Beirat vote on one motion (one round): who may vote, until when, and the votes cast.</summary>
public sealed record Ballot(string MotionId, int Round, BallotState State, DateTimeOffset Deadline, IReadOnlyList<string> VotingMemberIds,
    IReadOnlyList<BallotVote> Votes)
{
    public IReadOnlyDictionary<string, VoteChoice> Choices => Votes.ToDictionary(v => v.MemberId, v => v.Choice, StringComparer.Ordinal);

    public IReadOnlyList<string> MembersWithoutVote => VotingMemberIds.Where(id => Votes.All(v => v.MemberId != id)).ToList();

    public BeiratTally Tally(BeiratRules rules) =>
        BeiratVote.Tally(Choices, VotingMemberIds.Count, rules, deadlinePassed: State == BallotState.Closed);
}

/// <summary>
/// What a member's vote link proves: this member may vote in this round of the motion until <paramref name="Until"/>
/// (the round's deadline; links go only to the round's voting members).
/// </summary>
public sealed record VoteRight(string MotionId, int Round, string MemberId, DateTimeOffset Until);

/// <summary>What happened to a vote cast on the ballot.</summary>
public enum CastResult
{
    Counted,

    /// <summary>Counted, replacing the member's earlier vote.</summary>
    Replaced,

    /// <summary>The vote had closed (or closed while this vote came in, before it could count).</summary>
    Closed,

    NotEligible,

    /// <summary>There is no open vote for this round.</summary>
    NoBallot,
}
