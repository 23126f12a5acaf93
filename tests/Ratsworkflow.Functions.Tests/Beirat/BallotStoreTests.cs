using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Beirat;

/// <summary>
/// The ballot box on Azurite: a vote on an open round is one transaction with the member's ballot paper; without a
/// paper it takes the checked path; either way a vote the member is told counts is one the close counts.
/// </summary>
public sealed class BallotStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Members = ["mitglied-1", "mitglied-2", "mitglied-3"];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly TableRequestLog _log = new();
    private readonly string _motionId = "antrag-" + Guid.NewGuid().ToString("N");
    private readonly DateTimeOffset _deadline = new(2026, 12, 18, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CastAsync_OpenRound_OneTransactionCountsTheVote()
    {
        var ballots = await OpenAsync();
        _log.Clear();

        Assert.Equal(CastResult.Counted, await ballots.CastAsync(Right("mitglied-2"), VoteChoice.No, null));

        Assert.Equal("POST", Assert.Single(_log.All).Split(' ')[0]);
        var vote = Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes);
        Assert.Equal(("mitglied-2", VoteChoice.No), (vote.MemberId, vote.Choice));
    }

    [Fact]
    public async Task CastAsync_RoundClosed_RefusedAndNoVoteLeftBehind()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(Right("mitglied-1"), VoteChoice.Yes, null);
        await ballots.CloseAsync(_motionId, 1);

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(Right("mitglied-2"), VoteChoice.No, null));

        Assert.Equal(["mitglied-1"], (await ballots.GetAsync(_motionId, 1))!.Votes.Select(v => v.MemberId));
        var stray = await Table().GetEntityIfExistsAsync<TableEntity>(_motionId, "001|mitglied-2");
        Assert.False(stray.HasValue);
    }

    [Fact]
    public async Task CastAsync_MemberVotesAgainAfterTheClose_CountedVoteAndCommentKept()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(Right("mitglied-1"), VoteChoice.Yes, "Gute Idee");
        await ballots.CloseAsync(_motionId, 1);

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(Right("mitglied-1"), VoteChoice.No, "Doch nicht"));

        var vote = Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes);
        Assert.Equal((VoteChoice.Yes, "Gute Idee"), (vote.Choice, vote.Comment));
    }

    [Fact]
    public async Task CastAsync_MemberVotesAgainWhileOpen_ReplacesTheFirstVote()
    {
        var ballots = await OpenAsync();
        await ballots.CastAsync(Right("mitglied-1"), VoteChoice.Yes, null);

        Assert.Equal(CastResult.Replaced, await ballots.CastAsync(Right("mitglied-1"), VoteChoice.Abstain, null));

        Assert.Equal(VoteChoice.Abstain, Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes).Choice);
    }

    [Fact]
    public async Task CastAsync_DeadlinePassed_ClosedWithoutAnyRequest()
    {
        var ballots = await OpenAsync();
        _clock.Advance(TimeSpan.FromDays(15));
        _log.Clear();

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(Right("mitglied-2"), VoteChoice.Yes, null));

        Assert.Empty(_log.All);
    }

    [Fact]
    public async Task CastAsync_NotAVotingMember_NotEligibleAndNothingWritten()
    {
        var ballots = await OpenAsync();

        Assert.Equal(CastResult.NotEligible, await ballots.CastAsync(Right("gast"), VoteChoice.Yes, null));

        Assert.Empty((await ballots.GetAsync(_motionId, 1))!.Votes);
    }

    [Fact]
    public async Task CastAsync_RoundOpenedBeforePapersExisted_CheckedPathCountsTheVote()
    {
        var ballots = new BallotStore(_log.Client(azurite.ConnectionString), _clock);
        await Table().CreateIfNotExistsAsync();
        await Table().AddEntityAsync(new TableEntity(_motionId, "001")
        {
            ["State"] = "Open", ["Deadline"] = _deadline, ["Members"] = "[\"mitglied-1\"]",
        });

        Assert.Equal(CastResult.Counted, await ballots.CastAsync(Right("mitglied-1"), VoteChoice.Yes, null));

        Assert.Equal(["mitglied-1"], (await ballots.CloseAsync(_motionId, 1))!.Votes.Select(v => v.MemberId));
    }

    [Fact]
    public async Task CastAsync_PapersTornUpButRoundNotYetClosing_CheckedPathCountsAndTheCloseCountsIt()
    {
        var ballots = await OpenAsync();
        foreach (var member in Members)
        {
            await Table().DeleteEntityAsync(_motionId, "paper|001|" + member);
        }

        Assert.Equal(CastResult.Counted, await ballots.CastAsync(Right("mitglied-3"), VoteChoice.No, null));

        Assert.Equal(["mitglied-3"], (await ballots.CloseAsync(_motionId, 1))!.Votes.Select(v => v.MemberId));
    }

    [Fact]
    public async Task OpenAsync_StepRunsAgainAfterTheClose_LaysOutNoPapersAndVotesStayRefused()
    {
        var ballots = await OpenAsync();
        await ballots.CloseAsync(_motionId, 1);

        await ballots.OpenAsync(_motionId, 1, Members, _deadline);

        Assert.Equal(CastResult.Closed, await ballots.CastAsync(Right("mitglied-1"), VoteChoice.Yes, null));
        Assert.Equal(BallotState.Closed, (await ballots.GetAsync(_motionId, 1))!.State);
    }

    [Fact]
    public async Task CastAsync_ManyVotesWhileTheRoundCloses_EveryVoteToldCountedIsCountedAndNoOtherIs()
    {
        var members = Enumerable.Range(1, 40).Select(i => "mitglied-" + i).ToArray();
        var ballots = new BallotStore(_log.Client(azurite.ConnectionString), _clock);
        await ballots.OpenAsync(_motionId, 1, members, _deadline);

        var casts = members.Select(async m => (Member: m, Result: await ballots.CastAsync(Right(m), VoteChoice.Yes, null))).ToList();
        var close = Task.Run(async () =>
        {
            await Task.Delay(5);
            return await ballots.CloseAsync(_motionId, 1);
        });
        var results = await Task.WhenAll(casts);
        var closed = await close;

        var told = results.Where(r => r.Result == CastResult.Counted).Select(r => r.Member).Order().ToList();
        Assert.Equal(told, closed!.Votes.Select(v => v.MemberId).Order().ToList());
        Assert.All(results, r => Assert.Contains(r.Result, new[] { CastResult.Counted, CastResult.Closed }));
        Assert.Equal(told, (await ballots.GetAsync(_motionId, 1))!.Votes.Select(v => v.MemberId).Order().ToList());
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

    /// <summary>What the member's vote link proves; its end is the round's deadline.</summary>
    private VoteRight Right(string memberId) => new(_motionId, 1, memberId, _deadline);

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(BallotStore.TableName);
}
