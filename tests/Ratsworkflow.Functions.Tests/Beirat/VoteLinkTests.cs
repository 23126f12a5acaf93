using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Beirat;

/// <summary>A vote link carries what it grants; its paper or its access token proves it, and a changed link is unknown.</summary>
public sealed class VoteLinkTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private DateTimeOffset Deadline => _time.GetUtcNow().AddDays(14).AddTicks(1234);

    [Fact]
    public void TryRead_CreatedLink_GivesTokenClaimAndPaper()
    {
        var right = new VoteRight("antrag-7", 2, "mitglied-3", Deadline);
        var (link, paperId) = VoteLink.Create("access-token", right);

        Assert.True(VoteLink.TryRead(link, out var token, out var claimed, out var readPaperId));

        Assert.Equal("access-token", token);
        Assert.Equal(right with { Until = DateTimeOffset.FromUnixTimeMilliseconds(Deadline.ToUnixTimeMilliseconds()) }, claimed);
        Assert.Equal(paperId, readPaperId);
        Assert.Matches("^[0-9a-f]{64}$", paperId);
    }

    [Fact]
    public void TryRead_PlainAccessToken_NoClaim()
    {
        Assert.True(VoteLink.TryRead("plain", out var token, out var claimed, out _));

        Assert.Equal(("plain", null), (token, claimed));
    }

    [Theory]
    [InlineData("token.")]
    [InlineData("token.%%%")]
    [InlineData("token.bm9ybA")]
    public void TryRead_UnreadableClaim_False(string link) => Assert.False(VoteLink.TryRead(link, out _, out _, out _));

    [Theory]
    [InlineData("antrag-7\n0\nmitglied-3\n1")]
    [InlineData("antrag-7\n1\n\n1")]
    [InlineData("antrag-7\n1\nmitglied-3\n-5")]
    [InlineData("antrag-7\n1\nmitglied-3\n99999999999999999999")]
    public void TryRead_ClaimOutOfRange_False(string claim) =>
        Assert.False(VoteLink.TryRead("token." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claim)), out _, out _, out _));

    [Fact]
    public void TryRead_HugeClaim_False() => Assert.False(VoteLink.TryRead("token." + new string('A', 5000), out _, out _, out _));

    [Fact]
    public void Create_ChangedClaim_NamesAnotherPaper()
    {
        var right = new VoteRight("antrag-7", 1, "mitglied-3", Deadline);

        var papers = new[] { right, right with { MemberId = "mitglied-4" }, right with { Until = Deadline.AddDays(1) } }
            .Select(r => VoteLink.Create("access-token", r).PaperId);

        Assert.Equal(3, papers.Distinct().Count());
    }

    [Fact]
    public async Task ResolveVoteLinkAsync_AsIssuedOrPlain_ValidOtherwiseUnknown()
    {
        var tokens = new AccessTokenStore(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString), _time,
            Options.Create(new AccessTokenOptions { TableName = AzuriteFixture.UniqueName("tokens") }));
        var token = await tokens.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("antrag-7", "mitglied-3", 1), Deadline);
        var right = new VoteRight("antrag-7", 1, "mitglied-3", Deadline);
        string LinkFor(VoteRight r) => VoteLink.Create(token, r).Link;

        var asIssued = await tokens.ResolveVoteLinkAsync(LinkFor(right), default);
        var plain = await tokens.ResolveVoteLinkAsync(token, default);
        var otherMember = await tokens.ResolveVoteLinkAsync(LinkFor(right with { MemberId = "mitglied-4" }), default);
        var later = await tokens.ResolveVoteLinkAsync(LinkFor(right with { Until = Deadline.AddDays(7) }), default);
        var otherRound = await tokens.ResolveVoteLinkAsync(LinkFor(right with { Round = 2 }), default);

        Assert.Equal((TokenStatus.Valid, TokenStatus.Valid), (asIssued.Status, plain.Status));
        Assert.Equal("mitglied-3", asIssued.Token!.Subject.MemberId);
        Assert.All([otherMember, later, otherRound], r => Assert.Equal(TokenStatus.Unknown, r.Status));
    }
}
