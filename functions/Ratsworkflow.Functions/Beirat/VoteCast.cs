namespace Ratsworkflow.Functions.Beirat;

/// <summary>Why a vote was not counted; lets the page or the API answer fittingly (e.g. 409 for <see cref="Closed"/>).</summary>
public enum VoteRefusal
{
    InvalidChoice,
    NotEligible,
    Closed,
}

/// <summary>The answer to one vote: the votes and tally afterwards, or unchanged with a German reason.</summary>
/// <param name="Replaced">The member's earlier choice that this vote replaced, so the confirmation can say so.</param>
public sealed record VoteCast(
    IReadOnlyDictionary<string, VoteChoice> Votes,
    BeiratTally Tally,
    VoteChoice? Replaced = null,
    VoteRefusal? Refusal = null,
    string? Reason = null)
{
    public bool IsAccepted => Refusal is null;
}
