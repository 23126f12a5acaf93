using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// The papers of vote links (<see cref="VoteLink"/>): laid when the links are issued, keyed by the link's hash, so a
/// vote on a link is one request that proves the link's claim and the open round together.
/// </summary>
public sealed partial class BallotStore
{
    /// <summary>
    /// Lays a ballot paper for each vote link just issued (<see cref="VoteLink"/>), while the round is open, so a vote on
    /// such a link is one request. False if the round no longer takes votes: then no paper is laid.
    /// </summary>
    public async Task<bool> LayLinkPapersAsync(string motionId, int round, IEnumerable<(string MemberId, string PaperId)> links)
    {
        await _created.EnsureAsync();
        foreach (var chunk in links.Chunk(MaxTransaction - 1))
        {
            while (true)
            {
                var row = await _table.GetEntityIfExistsAsync<TableEntity>(motionId, RoundKey(round));
                if (!row.HasValue || RoundRow.From(row.Value!).State != BallotState.Open)
                {
                    return false;
                }
                // Guarded by the round row's ETag: once a close has set Closing (and will tear up papers), none is laid.
                var guard = new TableEntity(motionId, RoundKey(round)) { ["PapersLaidAt"] = clock.GetUtcNow() };
                try
                {
                    await _table.SubmitTransactionAsync([new(TableTransactionActionType.UpdateMerge, guard, row.Value!.ETag),
                        .. chunk.Select(l => new TableTransactionAction(TableTransactionActionType.Add,
                            new TableEntity(motionId, LinkPaperKey(round, l.MemberId, l.PaperId))))]);
                    break;
                }
                catch (TableTransactionFailedException e) when (e.Status == 412)
                {
                    // The round row changed meanwhile: read it again.
                }
                catch (TableTransactionFailedException e) when (e.Status == 409)
                {
                    // Laid by this very transaction, retried after its answer was lost.
                    break;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// The vote on the paper of the link it came with: one request, the paper proving the link's claim and that the round
    /// is open. Null where that proves nothing — no such paper (a changed link, a round closing or closed) or the claimed
    /// deadline passed: then the link's access token decides.
    /// </summary>
    public async Task<CastResult?> CastOnLinkPaperAsync(VoteRight claimed, string paperId, VoteChoice choice, string? comment,
        CancellationToken cancellationToken = default)
    {
        await _created.EnsureAsync();
        return clock.GetUtcNow() >= claimed.Until
            ? null
            : await CastOnPaperAsync(claimed, NewVote(claimed, choice, comment), LinkPaperKey(claimed.Round, claimed.MemberId, paperId),
                cancellationToken);
    }

    private static string LinkPaperKey(int round, string memberId, string paperId) => PaperKey(round, memberId) + "|" + paperId;
}
