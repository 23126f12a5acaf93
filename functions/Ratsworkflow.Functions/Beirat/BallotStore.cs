using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// The Beirat's ballot box in table <c>BeiratVotes</c>, one partition per motion: a row per round (state, deadline,
/// voting members, and once closed the counted votes) and a row per member's vote. A vote is stored by the request
/// that casts it, so 50 members voting at once each get their answer without waiting for the workflow.
/// Casting and closing are linearized on the round row: a vote counts if the round row still reads Open after the vote
/// was written, because the close sets Closing before it reads the votes; a voter who sees Closing waits for Closed and
/// finds whether the close counted its vote.
/// </summary>
public sealed class BallotStore(TableServiceClient tables, TimeProvider clock)
{
    public const string TableName = "BeiratVotes";
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly CreateOnce _created = CreateOnce.Table(tables.GetTableClient(TableName));
    private readonly KnownRounds _rounds = new();

    /// <summary>Opens the round; a second call (the step ran again) leaves the first one as it is.</summary>
    public async Task OpenAsync(string motionId, int round, IReadOnlyList<string> votingMemberIds, DateTimeOffset deadline)
    {
        await _created.EnsureAsync();
        var row = new TableEntity(motionId, RoundKey(round))
        {
            ["State"] = nameof(BallotState.Open),
            ["Deadline"] = deadline,
            ["Members"] = JsonSerializer.Serialize(votingMemberIds),
        };
        try
        {
            await _table.AddEntityAsync(row);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Opened by an earlier run of the same step.
        }
    }

    /// <summary>
    /// Stores the member's vote and says whether it counts. A round already seen by this process skips the first read
    /// of the round row: its members and deadline never change, and whether it is still open is read after the vote is
    /// written in any case. Its first vote by a member is then an insert, so a late vote cannot overwrite one the close
    /// counted; a member voting again takes the path with the first read.
    /// </summary>
    public async Task<CastResult> CastAsync(string motionId, int round, string memberId, VoteChoice choice, string? comment,
        CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        var known = _rounds.Get(motionId, round);
        if (known is null)
        {
            if (await GetRoundAsync(motionId, round, cancellationToken) is not { } before)
            {
                return CastResult.NoBallot;
            }
            if (!before.IsOpenAt(clock.GetUtcNow()))
            {
                return CastResult.Closed;
            }
            known = _rounds.Remember(motionId, round, before.Deadline, before.Members);
        }
        if (clock.GetUtcNow() >= known.Deadline)
        {
            return CastResult.Closed;
        }
        if (!known.Members.Contains(memberId))
        {
            return CastResult.NotEligible;
        }
        var vote = new TableEntity(motionId, VoteKey(round, memberId))
        {
            ["VoteId"] = Guid.NewGuid().ToString("N"),
            ["Choice"] = choice.ToString(),
            ["At"] = clock.GetUtcNow(),
            ["Comment"] = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
        var replaced = false;
        Response written;
        try
        {
            written = await _table.AddEntityAsync(vote, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Voting again replaces the earlier vote, but only while the round is open: the close may have counted it.
            var current = await GetRoundAsync(motionId, round, cancellationToken);
            if (current?.IsOpenAt(clock.GetUtcNow()) != true)
            {
                return current is null ? CastResult.NoBallot : CastResult.Closed;
            }
            replaced = true;
            written = await _table.UpsertEntityAsync(vote, TableUpdateMode.Replace, cancellationToken);
        }
        return await CountsAsync(motionId, round, memberId, vote.GetString("VoteId"), written, !replaced, cancellationToken)
            ? replaced ? CastResult.Replaced : CastResult.Counted
            : CastResult.Closed;
    }

    /// <summary>
    /// Whether the vote just written counts: the round still reads Open, or its close counted the vote. One that does
    /// not count is taken back where it was the member's first (<paramref name="inserted"/>), so no stray vote stays.
    /// </summary>
    private async Task<bool> CountsAsync(string motionId, int round, string memberId, string voteId, Response written,
        bool inserted, CancellationToken cancellationToken)
    {
        var after = await GetRoundAsync(motionId, round, cancellationToken);
        if (after?.State == BallotState.Open)
        {
            return true;
        }
        var closed = after is null ? null : await WaitForCloseAsync(motionId, round, cancellationToken);
        if (closed?.Counted.Any(v => v.VoteId == voteId) == true)
        {
            return true;
        }
        if ((closed is null || inserted) && written.Headers.ETag is { } etag)
        {
            // The close stalls (its process died; a rerun finishes it later): take the vote back, so it cannot count
            // after the member was told it did not.
            await DeleteIgnoringRacesAsync(motionId, VoteKey(round, memberId), etag, cancellationToken);
        }
        // Not counted: the close read the votes before this one was written.
        return false;
    }

    /// <summary>The round with its votes: while open the latest vote of each member, once closed the counted ones.</summary>
    public async Task<Ballot?> GetAsync(string motionId, int round, CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        RoundRow? roundRow = null;
        var votes = new List<BallotVote>();
        var from = RoundKey(round);
        await foreach (var row in _table.QueryAsync<TableEntity>(
            e => e.PartitionKey == motionId && e.RowKey.CompareTo(from) >= 0 && e.RowKey.CompareTo(from + "~") < 0,
            cancellationToken: cancellationToken))
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

    private async Task DeleteIgnoringRacesAsync(string motionId, string rowKey, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(motionId, rowKey, etag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // The member voted again meanwhile: that request answers for its own vote.
        }
    }

    private async Task<RoundRow?> WaitForCloseAsync(string motionId, int round, CancellationToken cancellationToken)
    {
        // Real time: the close runs on the wall clock, in this or another process.
        var until = DateTime.UtcNow + CloseWait;
        while (DateTime.UtcNow < until)
        {
            if (await GetRoundAsync(motionId, round, cancellationToken) is { State: BallotState.Closed } closed)
            {
                return closed;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
        return null;
    }

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
