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
    private const int MaxVotesEach = 200;
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
    public async Task CastAsync_RoundClosingPapersNotYetTornUp_CountedAndTheCloseCountsIt()
    {
        var ballots = await OpenAsync();
        await Table().UpdateEntityAsync(new TableEntity(_motionId, "001") { ["State"] = "Closing" }, Azure.ETag.All);

        Assert.Equal(CastResult.Counted, await ballots.CastAsync(Right("mitglied-3"), VoteChoice.No, null));

        Assert.Equal(["mitglied-3"], (await ballots.CloseAsync(_motionId, 1))!.Votes.Select(v => v.MemberId));
    }

    [Fact]
    public async Task CastOnLinkPaperAsync_PaperLaid_OneTransactionCountsTheVote()
    {
        var ballots = await OpenAsync();
        var (_, paperId) = await LayLinkAsync(ballots, "mitglied-2");
        _log.Clear();

        Assert.Equal(CastResult.Counted, await ballots.CastOnLinkPaperAsync(Right("mitglied-2"), paperId, VoteChoice.Yes, "Gut"));

        Assert.Equal("POST", Assert.Single(_log.All).Split(' ')[0]);
        var vote = Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes);
        Assert.Equal(("mitglied-2", VoteChoice.Yes, "Gut"), (vote.MemberId, vote.Choice, vote.Comment));
    }

    [Fact]
    public async Task CastOnLinkPaperAsync_ClaimOfAnotherMemberOrAnotherLink_NoPaperAndNothingWritten()
    {
        var ballots = await OpenAsync();
        var (_, paperId) = await LayLinkAsync(ballots, "mitglied-1");

        Assert.Null(await ballots.CastOnLinkPaperAsync(Right("mitglied-2"), paperId, VoteChoice.Yes, null));
        Assert.Null(await ballots.CastOnLinkPaperAsync(Right("mitglied-1"), new string('0', 64), VoteChoice.Yes, null));

        Assert.Empty((await ballots.GetAsync(_motionId, 1))!.Votes);
    }

    [Fact]
    public async Task CastOnLinkPaperAsync_AfterTheClose_NoPaperAndTheCountedVoteStays()
    {
        var ballots = await OpenAsync();
        var (_, paperId) = await LayLinkAsync(ballots, "mitglied-1");
        await ballots.CastOnLinkPaperAsync(Right("mitglied-1"), paperId, VoteChoice.Yes, null);
        await ballots.CloseAsync(_motionId, 1);

        Assert.Null(await ballots.CastOnLinkPaperAsync(Right("mitglied-1"), paperId, VoteChoice.No, null));

        Assert.Equal(VoteChoice.Yes, Assert.Single((await ballots.GetAsync(_motionId, 1))!.Votes).Choice);
    }

    [Fact]
    public async Task CastOnLinkPaperAsync_ClaimedDeadlinePassed_NullWithoutAnyRequest()
    {
        var ballots = await OpenAsync();
        var (_, paperId) = await LayLinkAsync(ballots, "mitglied-1");
        _clock.Advance(TimeSpan.FromDays(15));
        _log.Clear();

        Assert.Null(await ballots.CastOnLinkPaperAsync(Right("mitglied-1"), paperId, VoteChoice.Yes, null));

        Assert.Empty(_log.All);
    }

    [Fact]
    public async Task LayLinkPapersAsync_RoundClosing_LaysNoPaper()
    {
        var ballots = await OpenAsync();
        await Table().UpdateEntityAsync(new TableEntity(_motionId, "001") { ["State"] = "Closing" }, Azure.ETag.All);

        var (laid, paperId) = await LayLinkAsync(ballots, "mitglied-1");

        Assert.False(laid);
        Assert.Null(await ballots.CastOnLinkPaperAsync(Right("mitglied-1"), paperId, VoteChoice.Yes, null));
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task CastAsync_ManyVotesWhileTheRoundCloses_EveryVoteToldCountedIsCountedAndNoOtherIs(bool onLinkPapers)
    {
        var members = Enumerable.Range(1, 40).Select(i => "mitglied-" + i).ToArray();
        var ballots = new BallotStore(_log.Client(azurite.ConnectionString), _clock);
        await ballots.OpenAsync(_motionId, 1, members, _deadline);
        var papers = members.ToDictionary(m => m, m => VoteLink.Create("token-" + m, Right(m)).PaperId);
        await ballots.LayLinkPapersAsync(_motionId, 1, papers.Select(p => (p.Key, p.Value)));

        // On link papers a vote the paper does not take is one the close has begun to count without it.
        async Task<CastResult> CastAsync(string member, int n) => onLinkPapers
            ? await ballots.CastOnLinkPaperAsync(Right(member), papers[member], VoteChoice.Yes, n.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? CastResult.Closed
            : await ballots.CastAsync(Right(member), VoteChoice.Yes, n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Each member votes again and again until told the vote has closed: the last vote told counted must be the one counted.
        async Task<(string Member, string? LastCounted)> VoteUntilClosedAsync(string member)
        {
            string? lastCounted = null;
            for (var n = 1; n <= MaxVotesEach; n++)
            {
                if (await CastAsync(member, n) == CastResult.Closed)
                {
                    break;
                }
                lastCounted = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return (member, lastCounted);
        }
        var casts = members.Select(VoteUntilClosedAsync).ToList();
        var close = Task.Run(async () =>
        {
            await Task.Delay(20);
            return await ballots.CloseAsync(_motionId, 1);
        });
        var results = await Task.WhenAll(casts);
        var closed = await close;

        var told = results.Where(r => r.LastCounted is not null).Select(r => (r.Member, r.LastCounted)).Order().ToList();
        Assert.Equal(told, closed!.Votes.Select(v => (v.MemberId, v.Comment)).Order().ToList());
        Assert.Equal(told, (await ballots.GetAsync(_motionId, 1))!.Votes.Select(v => (v.MemberId, v.Comment)).Order().ToList());
        Assert.All(results, r => Assert.True(r.LastCounted != MaxVotesEach.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{r.Member} could still vote after the close."));
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

    private async Task<(bool Laid, string PaperId)> LayLinkAsync(BallotStore ballots, string memberId)
    {
        var paperId = VoteLink.Create("token-" + Guid.NewGuid().ToString("N"), Right(memberId)).PaperId;
        return (await ballots.LayLinkPapersAsync(_motionId, 1, [(memberId, paperId)]), paperId);
    }

    /// <summary>What the member's vote link proves; its end is the round's deadline.</summary>
    private VoteRight Right(string memberId) => new(_motionId, 1, memberId, _deadline);

    private TableClient Table() => new TableServiceClient(azurite.ConnectionString).GetTableClient(BallotStore.TableName);
}
