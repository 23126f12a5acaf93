using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Beirat;

/// <summary>The ballot box on Azurite: a round already seen is voted on without reading it first, and stays as safe.</summary>
public sealed class BallotStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Members = ["mitglied-1", "mitglied-2", "mitglied-3"];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TableRequestLog _log = new();
    private readonly string _motionId = "antrag-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task CastAsync_RoundAlreadySeen_WritesTheVoteAndReadsTheRoundOnceAfterIt()
    {
        var ballots = await OpenAsync();
        Assert.Equal(CastResult.Counted, await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Yes, null));
        _log.Clear();

        Assert.Equal(CastResult.Counted, await ballots.CastAsync(_motionId, 1, "mitglied-2", VoteChoice.No, null));

        Assert.Equal(["POST", "GET"], _log.To(BallotStore.TableName).Select(r => r.Split(' ')[0]));
        Assert.Equal(2, (await ballots.GetAsync(_motionId, 1))!.Votes.Count);
    }

    [Fact]
    public async Task CastAsync_RoundSeenAndClosedSinceThen_RefusedAndNoVoteLeftBehind()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Yes, null);
        await ballots.CloseAsync(_motionId, 1);

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(_motionId, 1, "mitglied-2", VoteChoice.No, null));

        Assert.Equal(["mitglied-1"], (await ballots.GetAsync(_motionId, 1))!.Votes.Select(v => v.MemberId));
        var stray = await Table().GetEntityIfExistsAsync<TableEntity>(_motionId, "001|mitglied-2");
        Assert.False(stray.HasValue);
    }

    [Fact]
    public async Task CastAsync_MemberVotesAgainAfterTheClose_CountedVoteAndCommentKept()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Yes, "Gute Idee");
        await ballots.CloseAsync(_motionId, 1);

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.No, "Doch nicht"));

        var vote = Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes);
        Assert.Equal((VoteChoice.Yes, "Gute Idee"), (vote.Choice, vote.Comment));
    }

    [Fact]
    public async Task CastAsync_MemberVotesAgainWhileOpen_ReplacesTheFirstVote()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Yes, null);

        Assert.Equal(CastResult.Replaced, await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Abstain, null));

        Assert.Equal(VoteChoice.Abstain, Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes).Choice);
    }

    [Fact]
    public async Task CastAsync_RoundSeenAndDeadlinePassed_ClosedWithoutWriting()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Yes, null);
        _clock.Advance(TimeSpan.FromDays(15));
        _log.Clear();

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(_motionId, 1, "mitglied-2", VoteChoice.Yes, null));

        Assert.Empty(_log.To(BallotStore.TableName));
    }

    [Fact]
    public async Task CastAsync_NotAVotingMemberOfARoundSeen_NotEligibleAndNothingWritten()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(_motionId, 1, "mitglied-1", VoteChoice.Yes, null);

        Assert.Equal(CastResult.NotEligible, await ballots.CastAsync(_motionId, 1, "gast", VoteChoice.Yes, null));

        Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes);
    }

    [Fact]
    public async Task OpenMotionsAsync_OneRoundOpenOneClosed_ListsOnlyTheOpenOne()
    {
        var ballots = await OpenAsync();
        var closedId = "antrag-" + Guid.NewGuid().ToString("N");
        await ballots.OpenAsync(closedId, 1, Members, _clock.GetUtcNow().AddDays(14));
        await ballots.CloseAsync(closedId, 1);

        var open = new List<string>();
        await foreach (var motionId in ballots.OpenMotionsAsync())
        {
            open.Add(motionId);
        }

        Assert.Contains(_motionId, open);
        Assert.DoesNotContain(closedId, open);
    }

    private async Task<BallotStore> OpenAsync()
    {
        var ballots = new BallotStore(_log.Client(azurite.ConnectionString), _clock);
        await ballots.OpenAsync(_motionId, 1, Members, _clock.GetUtcNow().AddDays(14));
        return ballots;
    }

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(BallotStore.TableName);
}
