using Ratsworkflow.Functions.Beirat;
using Xunit;
using static Ratsworkflow.Functions.Tests.Beirat.BeiratVoteTallyTests;

namespace Ratsworkflow.Functions.Tests.Beirat;

public class BeiratVoteCastTests
{
    private static readonly BeiratRules Rules = new();
    private static readonly string[] Members = ["m1", "m2", "m3", "m4", "m5", "m6", "m7"];

    [Fact]
    public void Cast_FirstVoteWhileOpen_Counted()
    {
        var cast = BeiratVote.Cast(Votes(), Members, "m1", VoteChoice.Yes, Rules, deadlinePassed: false);

        Assert.True(cast.IsAccepted);
        Assert.Equal(VoteChoice.Yes, cast.Votes["m1"]);
        Assert.Equal(1, cast.Tally.Votes.Yes);
        Assert.Null(cast.Replaced);
    }

    [Fact]
    public void Cast_LaterVoteBeforeClose_ReplacesEarlierOne()
    {
        var cast = BeiratVote.Cast(Votes("yes", "no"), Members, "m1", VoteChoice.No, Rules, deadlinePassed: false);

        Assert.True(cast.IsAccepted);
        Assert.Equal(VoteChoice.Yes, cast.Replaced);
        Assert.Equal(2, cast.Votes.Count);
        Assert.Equal((0, 2), (cast.Tally.Votes.Yes, cast.Tally.Votes.No));
    }

    [Fact]
    public void Cast_OriginalVotes_LeftUnchanged()
    {
        var votes = Votes("yes");

        BeiratVote.Cast(votes, Members, "m1", VoteChoice.No, Rules, deadlinePassed: false);

        Assert.Equal(VoteChoice.Yes, votes["m1"]);
    }

    [Fact]
    public void Cast_VoteThatMakesTheMajority_ClosesTheVote()
    {
        var cast = BeiratVote.Cast(Votes("yes", "yes", "yes"), Members, "m4", VoteChoice.Yes, Rules, deadlinePassed: false);

        Assert.True(cast.IsAccepted);
        Assert.True(cast.Tally.IsClosed);
        Assert.Equal(BeiratOutcome.Recommends, cast.Tally.Outcome);
    }

    [Fact]
    public void Cast_AfterDeadline_RefusedWithGermanReason()
    {
        var votes = Votes("yes");

        var cast = BeiratVote.Cast(votes, Members, "m2", VoteChoice.No, Rules, deadlinePassed: true);

        Assert.False(cast.IsAccepted);
        Assert.Equal(VoteRefusal.Closed, cast.Refusal);
        Assert.Equal("Die Abstimmung ist bereits abgeschlossen; Ihre Stimme kann nicht mehr berücksichtigt werden.", cast.Reason);
        Assert.Same(votes, cast.Votes);
    }

    [Fact]
    public void Cast_ChangeAfterEarlyClose_RefusedVoteIsFinal()
    {
        var cast = BeiratVote.Cast(Votes("yes", "yes", "yes", "yes"), Members, "m1", VoteChoice.No, Rules, deadlinePassed: false);

        Assert.Equal(VoteRefusal.Closed, cast.Refusal);
        Assert.Equal(BeiratOutcome.Recommends, cast.Tally.Outcome);
    }

    [Fact]
    public void Cast_AdvisoryOrUnknownMember_RefusedNotEligible()
    {
        var cast = BeiratVote.Cast(Votes(), Members, "beratend", VoteChoice.Yes, Rules, deadlinePassed: false);

        Assert.Equal(VoteRefusal.NotEligible, cast.Refusal);
        Assert.Equal("Sie sind in diesem Beirat nicht stimmberechtigt.", cast.Reason);
    }

    [Fact]
    public void Cast_UndefinedChoice_RefusedInvalid() =>
        Assert.Equal(VoteRefusal.InvalidChoice, BeiratVote.Cast(Votes(), Members, "m1", (VoteChoice)7, Rules, deadlinePassed: false).Refusal);
}
