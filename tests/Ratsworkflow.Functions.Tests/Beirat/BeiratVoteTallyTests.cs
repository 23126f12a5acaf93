using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Motions;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Beirat;

/// <summary>Tally of a Beirat with 7 voting members (the Integrationsrat of the sample) unless said otherwise.</summary>
public class BeiratVoteTallyTests
{
    private static readonly BeiratRules Rules = new();

    [Fact]
    public void Tally_NoVotesBeforeDeadline_PendingAndOpen()
    {
        var tally = BeiratVote.Tally(Votes(), 7, Rules, deadlinePassed: false);

        Assert.False(tally.IsClosed);
        Assert.Equal(BeiratOutcome.Pending, tally.Outcome);
        Assert.Equal(VoteCount.None, tally.Votes);
    }

    [Fact]
    public void Tally_MixedVotes_CountsEachChoice()
    {
        var tally = BeiratVote.Tally(Votes("yes", "yes", "no", "abstain"), 7, Rules, deadlinePassed: false);

        Assert.Equal(new VoteCount(2, 1, 1), tally.Votes);
    }

    [Fact]
    public void Tally_DeadlinePassedWithQuorumMoreYes_Recommends()
    {
        var tally = BeiratVote.Tally(Votes("yes", "yes", "no", "abstain"), 7, Rules, deadlinePassed: true);

        Assert.True(tally.IsClosed);
        Assert.True(tally.HasQuorum);
        Assert.Equal(BeiratOutcome.Recommends, tally.Outcome);
    }

    [Fact]
    public void Tally_DeadlinePassedWithTie_Rejects()
    {
        var tally = BeiratVote.Tally(Votes("yes", "yes", "no", "no"), 7, Rules, deadlinePassed: true);

        Assert.Equal(BeiratOutcome.Rejects, tally.Outcome);
    }

    [Fact]
    public void Tally_DeadlinePassedMoreNo_Rejects() =>
        Assert.Equal(BeiratOutcome.Rejects, BeiratVote.Tally(Votes("yes", "no", "no", "abstain"), 7, Rules, deadlinePassed: true).Outcome);

    [Fact]
    public void Tally_AbstentionsOnlyCountForQuorum_MajorityOfYesAndNoDecides()
    {
        // 1 yes against 0 no with 3 abstentions: abstentions do not outweigh the single yes.
        var tally = BeiratVote.Tally(Votes("yes", "abstain", "abstain", "abstain"), 7, Rules, deadlinePassed: true);

        Assert.True(tally.HasQuorum);
        Assert.Equal(BeiratOutcome.Recommends, tally.Outcome);
    }

    [Fact]
    public void Tally_OnlyAbstentionsWithQuorum_TieRejects() =>
        Assert.Equal(BeiratOutcome.Rejects, BeiratVote.Tally(Votes("abstain", "abstain", "abstain", "abstain"), 7, Rules, deadlinePassed: true).Outcome);

    [Fact]
    public void Tally_DeadlinePassedHalfOrLessVoted_NoRecommendation()
    {
        // 3 of 7 is not more than half.
        var tally = BeiratVote.Tally(Votes("yes", "yes", "yes"), 7, Rules, deadlinePassed: true);

        Assert.False(tally.HasQuorum);
        Assert.Equal(BeiratOutcome.None, tally.Outcome);
    }

    [Fact]
    public void Tally_EvenMembersExactlyHalfVoted_NoQuorum() =>
        Assert.False(BeiratVote.Tally(Votes("yes", "yes", "no"), 6, Rules, deadlinePassed: true).HasQuorum);

    [Fact]
    public void Tally_QuorumButNoAbsoluteMajorityBeforeDeadline_StaysOpen()
    {
        var tally = BeiratVote.Tally(Votes("yes", "yes", "yes", "no", "abstain"), 7, Rules, deadlinePassed: false);

        Assert.False(tally.IsClosed);
        Assert.Equal(BeiratOutcome.Pending, tally.Outcome);
    }

    [Fact]
    public void Tally_MoreThanHalfOfAllMembersYes_ClosesEarlyRecommends()
    {
        var tally = BeiratVote.Tally(Votes("yes", "yes", "yes", "yes"), 7, Rules, deadlinePassed: false);

        Assert.True(tally.IsClosed);
        Assert.Equal(BeiratOutcome.Recommends, tally.Outcome);
    }

    [Fact]
    public void Tally_MoreThanHalfOfAllMembersNo_ClosesEarlyRejects()
    {
        var tally = BeiratVote.Tally(Votes("no", "no", "no", "no", "yes"), 7, Rules, deadlinePassed: false);

        Assert.True(tally.IsClosed);
        Assert.Equal(BeiratOutcome.Rejects, tally.Outcome);
    }

    [Fact]
    public void Tally_MoreThanHalfAbstain_DoesNotCloseEarly() =>
        Assert.False(BeiratVote.Tally(Votes("abstain", "abstain", "abstain", "abstain"), 7, Rules, deadlinePassed: false).IsClosed);

    [Fact]
    public void Tally_EveryVotingMemberVoted_ClosesEarly()
    {
        var tally = BeiratVote.Tally(Votes("yes", "yes", "yes", "no", "no", "no", "abstain"), 7, Rules, deadlinePassed: false);

        Assert.True(tally.IsClosed);
        Assert.Equal(BeiratOutcome.Rejects, tally.Outcome);
    }

    [Fact]
    public void Tally_StricterQuorumNotYetReached_AbsoluteMajorityDoesNotClose()
    {
        // Two thirds of 9 = 6; 5 yes are an absolute majority but more votes could still bring the quorum.
        var rules = new BeiratRules { QuorumShare = 2m / 3m };

        var tally = BeiratVote.Tally(Votes("yes", "yes", "yes", "yes", "yes"), 9, rules, deadlinePassed: false);

        Assert.False(tally.IsClosed);
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Tally_QuorumShareTwoThirdsOfNine_NeedsMoreThanSix(int cast, bool expected)
    {
        var rules = new BeiratRules { QuorumShare = 0.6666666666666666666666666667m };
        var votes = Votes(Enumerable.Repeat("abstain", cast).ToArray());

        Assert.Equal(expected, BeiratVote.Tally(votes, 9, rules, deadlinePassed: true).HasQuorum);
    }

    [Fact]
    public void Tally_NoVotingMembers_ClosedWithoutRecommendation()
    {
        var tally = BeiratVote.Tally(Votes(), 0, Rules, deadlinePassed: false);

        Assert.True(tally.IsClosed);
        Assert.Equal(BeiratOutcome.None, tally.Outcome);
    }

    [Fact]
    public void Tally_NegativeMemberCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BeiratVote.Tally(Votes(), -1, Rules, deadlinePassed: false));

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(-0.1, false)]
    public void BeiratRules_QuorumShare_ValidFromZeroToBelowOne(double share, bool expected) =>
        Assert.Equal(expected, new BeiratRules { QuorumShare = (decimal)share }.IsValid);

    internal static Dictionary<string, VoteChoice> Votes(params string[] choices) =>
        choices.Select((c, i) => (Member: $"m{i + 1}", Choice: Parse(c))).ToDictionary(v => v.Member, v => v.Choice);

    private static VoteChoice Parse(string choice) => choice switch
    {
        "yes" => VoteChoice.Yes,
        "no" => VoteChoice.No,
        _ => VoteChoice.Abstain,
    };
}
