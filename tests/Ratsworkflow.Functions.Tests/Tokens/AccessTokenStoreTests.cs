using System.Buffers.Text;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Tokens;

public sealed class AccessTokenStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly string[] Members = ["a", "b", "c"];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly string _tableName = AzuriteFixture.UniqueName("tokens");

    private DateTimeOffset InOneHour => _time.GetUtcNow().AddHours(1);

    [Fact]
    public async Task ResolveAsync_IssuedToken_IsValidWithSubject()
    {
        var store = Store();
        var subject = TokenSubject.Vote("m-1", "member-7", 1);

        var token = await store.IssueAsync(TokenPurpose.Vote, subject, InOneHour);
        var resolution = await store.ResolveAsync(TokenPurpose.Vote, token);

        Assert.Equal(TokenStatus.Valid, resolution.Status);
        Assert.Equal(subject, resolution.Token!.Subject);
        Assert.Equal(TokenPurpose.Vote, resolution.Token.Purpose);
        Assert.Equal(InOneHour, resolution.Token.ExpiresAt);
    }

    [Fact]
    public async Task IssueAsync_Token_IsUniqueUrlSafeAnd256BitsOfSecret()
    {
        var store = Store();
        var subject = TokenSubject.Status("m-1");

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => store.IssueAsync(TokenPurpose.Status, subject, InOneHour)));

        Assert.Equal(tokens.Length, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Equal(64, t.Length));
        Assert.All(tokens, t => Assert.True(t.All(Alphabet.Contains), t));
        Assert.All(tokens, t => Assert.Equal(48, Base64Url.DecodeFromChars(t).Length));
    }

    [Fact]
    public async Task ResolveAsync_AnyOneCharacterChanged_IsUnknown()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("m-1", "member-1", 1), InOneHour);

        // Every position: the group-id part (partition) as well as the secret part (row).
        for (var i = 0; i < token.Length; i++)
        {
            var other = Alphabet[(Alphabet.IndexOf(token[i], StringComparison.Ordinal) + 1) % Alphabet.Length];
            var tampered = string.Concat(token.AsSpan(0, i), other.ToString(), token.AsSpan(i + 1));

            Assert.Equal(TokenResolution.Unknown, await store.ResolveAsync(TokenPurpose.Vote, tampered));
        }
        Assert.True((await store.ResolveAsync(TokenPurpose.Vote, token)).IsValid);
    }

    [Fact]
    public async Task ResolveAsync_TruncatedOrExtended_IsUnknown()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.SignIn, TokenSubject.SignIn("ratsbuero@example.org"), InOneHour);

        Assert.Equal(TokenStatus.Unknown, (await store.ResolveAsync(TokenPurpose.SignIn, token[..^1])).Status);
        Assert.Equal(TokenStatus.Unknown, (await store.ResolveAsync(TokenPurpose.SignIn, token[..32])).Status);
        Assert.Equal(TokenStatus.Unknown, (await store.ResolveAsync(TokenPurpose.SignIn, token + "A")).Status);
        Assert.Equal(TokenStatus.Unknown, (await store.ConsumeAsync(TokenPurpose.SignIn, token[..^1])).Status);
    }

    [Fact]
    public async Task ResolveAsync_MalformedInput_IsRefusedWithoutAnyStorageCall()
    {
        // Nothing listens there: a storage call would throw instead of answering Unknown.
        var unreachable = new TableServiceClient(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + Convert.ToBase64String(new byte[64]) +
            ";TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
            new TableClientOptions { Retry = { MaxRetries = 0 } });
        var store = new AccessTokenStore(unreachable, _time, Options.Create(new AccessTokenOptions { TableName = _tableName }));
        var malformed = new[]
        {
            null, "", " ", new string('A', 63), new string('A', 65), new string('A', 1_000_000),
            new string('A', 63) + "+", new string('A', 63) + "/", new string('A', 63) + "=", new string('A', 63) + "%",
            new string('A', 63) + " ", new string('A', 63) + "\u00e4", "../" + new string('A', 61),
        };

        foreach (var token in malformed)
        {
            Assert.Equal(TokenResolution.Unknown, await store.ResolveAsync(TokenPurpose.Vote, token));
            Assert.Equal(TokenResolution.Unknown, await store.ConsumeAsync(TokenPurpose.Vote, token));
        }
    }

    [Fact]
    public async Task ResolveAsync_WrongPurpose_IsUnknownAndLeavesTokenValid()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.Confirmation, TokenSubject.Confirmation("m-1", "fraktion@example.org"), InOneHour);

        Assert.Equal(TokenResolution.Unknown, await store.ResolveAsync(TokenPurpose.Status, token));
        Assert.Equal(TokenResolution.Unknown, await store.ConsumeAsync(TokenPurpose.SignIn, token));
        Assert.True((await store.ResolveAsync(TokenPurpose.Confirmation, token)).IsValid);
    }

    [Fact]
    public async Task ResolveAsync_AfterExpiry_IsExpired()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.Status, TokenSubject.Status("m-1"), InOneHour);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(TokenStatus.Valid, (await store.ResolveAsync(TokenPurpose.Status, token)).Status);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TokenStatus.Expired, (await store.ResolveAsync(TokenPurpose.Status, token)).Status);
        Assert.Equal(TokenStatus.Expired, (await store.ConsumeAsync(TokenPurpose.Status, token)).Status);
    }

    [Fact]
    public async Task ConsumeAsync_ReusedAfterConsume_IsUsed()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.SignIn, TokenSubject.SignIn("ratsbuero@example.org"), InOneHour);

        var first = await store.ConsumeAsync(TokenPurpose.SignIn, token);
        var second = await store.ConsumeAsync(TokenPurpose.SignIn, token);

        Assert.Equal(TokenStatus.Valid, first.Status);
        Assert.Equal(_time.GetUtcNow(), first.Token!.UsedAt);
        Assert.Equal(TokenStatus.Used, second.Status);
        Assert.Equal(TokenStatus.Used, (await store.ResolveAsync(TokenPurpose.SignIn, token)).Status);
    }

    [Fact]
    public async Task ConsumeAsync_ConcurrentConsumers_ExactlyOneWins()
    {
        var token = await Store().IssueAsync(TokenPurpose.Confirmation, TokenSubject.Confirmation("m-1", "fraktion@example.org"), InOneHour);

        // Separate stores and clients, as separate server processes would have.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Store().ConsumeAsync(TokenPurpose.Confirmation, token))));

        Assert.Single(results, r => r.Status == TokenStatus.Valid);
        Assert.All(results.Where(r => !r.IsValid), r => Assert.Equal(TokenStatus.Used, r.Status));
    }

    [Fact]
    public async Task CloseAsync_VoteRound_ClosesExactlyThatRound()
    {
        var store = Store();
        var round1 = await Task.WhenAll(Members.Select(member =>
            store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("m-1", member, 1), InOneHour)));
        var round2 = await store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("m-1", "a", 2), InOneHour);
        var otherMotion = await store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("m-2", "a", 1), InOneHour);
        var status = await store.IssueAsync(TokenPurpose.Status, TokenSubject.Status("m-1"), InOneHour);

        var closed = await store.CloseAsync(TokenGroup.VoteRound("m-1", 1));

        Assert.Equal(3, closed);
        foreach (var token in round1)
        {
            var resolution = await store.ResolveAsync(TokenPurpose.Vote, token);
            Assert.Equal(TokenStatus.Closed, resolution.Status);
            Assert.Equal(_time.GetUtcNow(), resolution.Token!.ClosedAt);
        }
        Assert.True((await store.ResolveAsync(TokenPurpose.Vote, round2)).IsValid);
        Assert.True((await store.ResolveAsync(TokenPurpose.Vote, otherMotion)).IsValid);
        Assert.True((await store.ResolveAsync(TokenPurpose.Status, status)).IsValid);
        Assert.Equal(0, await store.CloseAsync(TokenGroup.VoteRound("m-1", 1)));
    }

    [Fact]
    public async Task CloseAsync_MoreTokensThanOneBatch_ClosesAllButTheUsedOne()
    {
        var store = Store();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 150).Select(i =>
            store.IssueAsync(TokenPurpose.Status, TokenSubject.Status("m-1", $"fraktion{i}@example.org"), InOneHour)));
        await store.ConsumeAsync(TokenPurpose.Status, tokens[0]);

        Assert.Equal(149, await store.CloseAsync(TokenGroup.Motion(TokenPurpose.Status, "m-1")));

        Assert.Equal(TokenStatus.Used, (await store.ResolveAsync(TokenPurpose.Status, tokens[0])).Status);
        Assert.Equal(TokenStatus.Closed, (await store.ResolveAsync(TokenPurpose.Status, tokens[149])).Status);
    }

    [Fact]
    public async Task CloseAsync_RacingConsumers_EachTokenEndsEitherUsedOrClosed()
    {
        var store = Store();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("m-1", $"member-{i}", 1), InOneHour)));

        var consumed = tokens.Select(t => Task.Run(() => Store().ConsumeAsync(TokenPurpose.Vote, t))).ToArray();
        var closed = await Task.Run(() => Store().CloseAsync(TokenGroup.VoteRound("m-1", 1)));
        var consumeResults = await Task.WhenAll(consumed);

        var won = consumeResults.Count(r => r.IsValid);
        Assert.Equal(tokens.Length, won + closed);
        for (var i = 0; i < tokens.Length; i++)
        {
            var final = await store.ResolveAsync(TokenPurpose.Vote, tokens[i]);
            Assert.Equal(consumeResults[i].IsValid ? TokenStatus.Used : TokenStatus.Closed, final.Status);
        }
    }

    [Fact]
    public async Task ConsumeAsync_ClosedGroup_IsClosed()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.SignIn, TokenSubject.SignIn("Ratsbuero@Example.org"), InOneHour);

        Assert.Equal(1, await store.CloseAsync(TokenGroup.SignIn("ratsbuero@example.org")));

        Assert.Equal(TokenStatus.Closed, (await store.ConsumeAsync(TokenPurpose.SignIn, token)).Status);
    }

    [Fact]
    public async Task IssueAsync_Stored_OnlyAsHash()
    {
        var store = Store();
        var token = await store.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote("m-1", "member-1", 1), InOneHour);
        var bytes = Base64Url.DecodeFromChars(token);
        var secret = bytes[16..];
        var forbidden = new[]
        {
            token, Base64Url.EncodeToString(secret), Convert.ToBase64String(bytes), Convert.ToBase64String(secret),
            Convert.ToHexString(secret), Convert.ToHexStringLower(secret), Convert.ToHexStringLower(bytes),
        };

        var rows = new TableServiceClient(azurite.ConnectionString).GetTableClient(_tableName).QueryAsync<TableEntity>();
        var stored = new List<string>();
        await foreach (var row in rows)
        {
            stored.AddRange(row.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            stored.Add(row.PartitionKey);
            stored.Add(row.RowKey);
        }

        var everything = string.Join("\n", stored);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored);
        Assert.All(forbidden, f => Assert.DoesNotContain(f, everything, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task IssueAsync_SubjectLackingWhatThePurposeNeeds_Throws()
    {
        var store = Store();

        await Assert.ThrowsAsync<ArgumentException>(() => store.IssueAsync(TokenPurpose.Vote, new TokenSubject(MotionId: "m-1", Round: 1), InOneHour));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.IssueAsync(TokenPurpose.Vote, new TokenSubject("m-1", "member-1"), InOneHour));
        await Assert.ThrowsAsync<ArgumentException>(() => store.IssueAsync(TokenPurpose.SignIn, new TokenSubject(MotionId: "m-1"), InOneHour));
        await Assert.ThrowsAsync<ArgumentException>(() => store.IssueAsync(TokenPurpose.Status, TokenSubject.Status("m-1"), _time.GetUtcNow()));
    }

    private AccessTokenStore Store() =>
        new(new TableServiceClient(azurite.ConnectionString), _time, Options.Create(new AccessTokenOptions { TableName = _tableName }));
}
