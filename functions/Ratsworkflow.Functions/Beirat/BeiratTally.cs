using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>Where a Beirat vote stands: counts, whether it has closed, and the recommendation once it has.</summary>
public sealed record BeiratTally(VoteCount Votes, int VotingMembers, bool HasQuorum, bool IsClosed, BeiratOutcome Outcome);
