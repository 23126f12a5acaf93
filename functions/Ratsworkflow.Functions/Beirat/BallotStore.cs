using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// The Beirat's ballot box in table <c>BeiratVotes</c>, one partition per motion: a row per round (state, deadline,
/// voting members, and once closed the counted votes), while the round is open a ballot paper per voting member and
/// one per vote link mailed (<see cref="VoteLink"/>), and a row per member's vote. A vote is stored by the request that
/// casts it, so 50 members voting at once each get their answer without waiting for the workflow. Casting and closing
/// are linearized in storage: a vote is written in one transaction with a paper, and the close sets Closing, tears up
/// the papers, then reads the votes; without a paper a vote counts if the round row still reads Open after it was
/// written; a voter who sees Closing waits for Closed and finds whether the close counted its vote.
/// </summary>
public sealed partial class BallotStore(TableServiceClient tables, TimeProvider clock)
{
    public const string TableName = "BeiratVotes";
    private const int MaxTransaction = 100;
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly CreateOnce _created = CreateOnce.Table(tables.GetTableClient(TableName));

    /// <summary>
    /// Opens the round with a ballot paper per voting member, in one transaction; a second call (the step ran again)
    /// leaves the first one as it is — and never lays out papers again, which a close may already have torn up.
    /// </summary>
    public async Task OpenAsync(string motionId, int round, IReadOnlyList<string> votingMemberIds, DateTimeOffset deadline)
    {
        await _created.EnsureAsync();
        var row = new TableEntity(motionId, RoundKey(round))
        {
            ["State"] = nameof(BallotState.Open),
            ["Deadline"] = deadline,
            ["Members"] = JsonSerializer.Serialize(votingMemberIds),
        };
        // A transaction holds 100 entities: members past the 99th vote on the checked path, just as safely.
        var papers = votingMemberIds.Distinct(StringComparer.Ordinal).Take(MaxTransaction - 1)
            .Select(m => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(motionId, PaperKey(round, m))));
        try
        {
            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, row), .. papers]);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Opened by an earlier run of the same step.
        }
    }

    /// <summary>
    /// Stores the member's vote and says whether it counts. Usually one request: the vote is written in one transaction
    /// with a touch of the member's ballot paper, and the close tears up the papers before it reads the votes, so a vote
    /// written that way came before the close and counts. A vote finding no paper — the round is being closed, was
    /// opened before papers existed, or the member has none — takes the checked path (<see cref="CastCheckedAsync"/>).
    /// </summary>
    public async Task<CastResult> CastAsync(VoteRight right, VoteChoice choice, string? comment, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        if (clock.GetUtcNow() >= right.Until)
        {
            return CastResult.Closed;
        }
        var vote = NewVote(right, choice, comment);
        return await CastOnPaperAsync(right, vote, PaperKey(right.Round, right.MemberId), cancellationToken)
            ?? await CastCheckedAsync(right, vote, cancellationToken);
    }

    /// <summary>The vote in one transaction with a touch of the paper: null if the paper is not there.</summary>
    private async Task<CastResult?> CastOnPaperAsync(VoteRight right, TableEntity vote, string paperKey, CancellationToken cancellationToken)
    {
        // The touch carries a property, so it is an ordinary merge everywhere rather than an empty one.
        var paper = new TableTransactionAction(TableTransactionActionType.UpdateMerge,
            new TableEntity(right.MotionId, paperKey) { ["VotedAt"] = vote["At"] }, ETag.All);
        try
        {
            await _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, vote), paper], cancellationToken);
            return CastResult.Counted;
        }
        catch (TableTransactionFailedException first) when (first.Status == 409)
        {
            try
            {
                // The member's second vote replaces the first; with the paper still there no close has counted it yet.
                await _table.SubmitTransactionAsync([new(TableTransactionActionType.UpsertReplace, vote), paper], cancellationToken);
                return CastResult.Replaced;
            }
            catch (TableTransactionFailedException again) when (again.Status == 404)
            {
                return null;
            }
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private TableEntity NewVote(VoteRight right, VoteChoice choice, string? comment) => new(right.MotionId, VoteKey(right.Round, right.MemberId))
    {
        ["VoteId"] = Guid.NewGuid().ToString("N"),
        ["Choice"] = choice.ToString(),
        ["At"] = clock.GetUtcNow(),
        ["Comment"] = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
    };

    /// <summary>The round with its votes: while open the latest vote of each member, once closed the counted ones.</summary>
    public async Task<Ballot?> GetAsync(string motionId, int round, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        RoundRow? roundRow = null;
        var votes = new List<BallotVote>();
        var from = RoundKey(round);
        await foreach (var row in RowsStartingWith(motionId, from, cancellationToken: cancellationToken))
        {
            if (row.RowKey == from)
            {
                roundRow = RoundRow.From(row);
            }
            else
            {
                votes.Add(ToVote(row));
            }
        }
        if (roundRow is null)
        {
            return null;
        }
        if (roundRow.State == BallotState.Closed)
        {
            // The counted vote of each member; its comment where the member's row is still that vote.
            votes = roundRow.Counted.Select(c => votes.FirstOrDefault(v => v.VoteId == c.VoteId) ?? c).ToList();
        }
        return new Ballot(motionId, round, roundRow.State, roundRow.Deadline, roundRow.Members, votes);
    }

    /// <summary>
    /// Closes the round and returns it with the counted votes (null if the motion has no such round). Safe to repeat:
    /// a closed round is returned as it is, one left Closing by a process that died is finished.
    /// </summary>
    public async Task<Ballot?> CloseAsync(string motionId, int round)
    {
        await _created.EnsureAsync();
        while (true)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(motionId, RoundKey(round));
            if (!row.HasValue)
            {
                return null;
            }
            var state = RoundRow.From(row.Value!).State;
            try
            {
                if (state == BallotState.Open)
                {
                    await _table.UpdateEntityAsync(new TableEntity(motionId, RoundKey(round)) { ["State"] = nameof(BallotState.Closing) },
                        row.Value!.ETag, TableUpdateMode.Merge);
                    continue;
                }
                if (state == BallotState.Closing)
                {
                    await TearUpPapersAsync(motionId, round);
                    var open = await GetAsync(motionId, round) ?? throw new InvalidOperationException($"Ballot {motionId}/{round} vanished.");
                    var counted = open.Votes.Select(v => new CountedVote(v.MemberId, v.Choice, v.At, v.VoteId)).ToList();
                    await _table.UpdateEntityAsync(new TableEntity(motionId, RoundKey(round))
                    {
                        ["State"] = nameof(BallotState.Closed),
                        ["Counted"] = JsonSerializer.Serialize(counted),
                    }, row.Value!.ETag, TableUpdateMode.Merge);
                }
                return await GetAsync(motionId, round);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another run of the close moved it on meanwhile: read again.
            }
        }
    }

    /// <summary>The motions with a round still open: scanned once when a process starts (<see cref="VoteCatchUp"/>).</summary>
    public async IAsyncEnumerable<string> OpenMotionsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"State eq {nameof(BallotState.Open)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            yield return row.PartitionKey;
        }
    }

    /// <summary>Deletes every round and vote of the motion (the retention job: votes and comments are personal data).</summary>
    public async Task DeleteAsync(string motionId, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == motionId, select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }
        await Task.WhenAll(keys.Select(k => _table.DeleteEntityAsync(motionId, k, ETag.All, cancellationToken)));
    }

    /// <summary>Deletes the round's ballot papers, so no vote is written on the quick path from here on.</summary>
    private async Task TearUpPapersAsync(string motionId, int round)
    {
        var from = PaperKey(round, "");
        while (true)
        {
            var papers = new List<TableTransactionAction>();
            await foreach (var row in RowsStartingWith(motionId, from, select: ["RowKey"]))
            {
                papers.Add(new(TableTransactionActionType.Delete, new TableEntity(motionId, row.RowKey), ETag.All));
            }
            try
            {
                foreach (var chunk in papers.Chunk(MaxTransaction))
                {
                    await _table.SubmitTransactionAsync(chunk);
                }
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // Another run of the close tore some up meanwhile: read again.
            }
        }
    }

    /// <summary>The motion's rows whose key starts with <paramref name="prefix"/> (keys hold no character after '~').</summary>
    private AsyncPageable<TableEntity> RowsStartingWith(string motionId, string prefix, IEnumerable<string>? select = null,
        CancellationToken cancellationToken = default) =>
        _table.QueryAsync<TableEntity>(e => e.PartitionKey == motionId && e.RowKey.CompareTo(prefix) >= 0 && e.RowKey.CompareTo(prefix + "~") < 0,
            select: select, cancellationToken: cancellationToken);

    private async Task<RoundRow?> GetRoundAsync(string motionId, int round, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(motionId, RoundKey(round), cancellationToken: cancellationToken);
        return row.HasValue ? RoundRow.From(row.Value!) : null;
    }

    private static BallotVote ToVote(TableEntity row) => new(
        row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..],
        Enum.Parse<VoteChoice>(row.GetString("Choice")),
        row.GetDateTimeOffset("At")!.Value,
        row.GetString("Comment"),
        row.GetString("VoteId") ?? "");

    private static string RoundKey(int round) => round.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

    private static string VoteKey(int round, string memberId) => RoundKey(round) + "|" + memberId;

    /// <summary>Outside the round's key range (digits), so reading a round's votes never meets a paper.</summary>
    private static string PaperKey(int round, string memberId) => "paper|" + RoundKey(round) + "|" + memberId;

    private sealed record CountedVote(string MemberId, VoteChoice Choice, DateTimeOffset At, string VoteId);

    private sealed record RoundRow(BallotState State, DateTimeOffset Deadline, IReadOnlyList<string> Members, IReadOnlyList<BallotVote> Counted)
    {
        public bool IsOpenAt(DateTimeOffset now) => State == BallotState.Open && now < Deadline;

        public static RoundRow From(TableEntity row) => new(
            Enum.Parse<BallotState>(row.GetString("State")),
            row.GetDateTimeOffset("Deadline") ?? DateTimeOffset.MaxValue,
            JsonSerializer.Deserialize<List<string>>(row.GetString("Members") ?? "[]") ?? [],
            (JsonSerializer.Deserialize<List<CountedVote>>(row.GetString("Counted") ?? "[]") ?? [])
                .Select(c => new BallotVote(c.MemberId, c.Choice, c.At, null, c.VoteId)).ToList());
    }
}
