using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// The checked path of a vote, for one that finds no ballot paper: a round opened before papers existed, one whose close
/// has begun, a member without a paper. The vote is linearized on the round row instead.
/// </summary>
public sealed partial class BallotStore
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The vote linearized on the round row: it counts if the row still reads Open after the vote was written, because
    /// the close sets Closing before it reads the votes. Its first vote by a member is an insert, so a late vote cannot
    /// overwrite one the close counted.
    /// </summary>
    private async Task<CastResult> CastCheckedAsync(VoteRight right, TableEntity vote, CancellationToken cancellationToken)
    {
        var (motionId, round, memberId) = (right.MotionId, right.Round, right.MemberId);
        if (await GetRoundAsync(motionId, round, cancellationToken) is not { } before)
        {
            return CastResult.NoBallot;
        }
        if (!before.IsOpenAt(clock.GetUtcNow()))
        {
            return CastResult.Closed;
        }
        if (!before.Members.Contains(memberId, StringComparer.Ordinal))
        {
            return CastResult.NotEligible;
        }
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
}
