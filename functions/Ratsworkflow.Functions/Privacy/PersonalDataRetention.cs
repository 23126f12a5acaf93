using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Privacy;

/// <summary>
/// DSGVO storage limitation: <c>Workflow:PersonalDataRetention</c> after a motion ended (decided or withdrawn, its
/// Wiedervorlage over), the personal data of non-officials goes — the motion's record and timeline are scrubbed
/// (<see cref="PersonalData"/>), its link tokens and Beirat ballot deleted and its workflow history purged. Reads the index's
/// retention partition (ended motions not yet erased), filtered by last change, so a run costs one query when nothing
/// is due. Safe to run twice or on several instances: every step is idempotent and the record is written last.
/// </summary>
public sealed class PersonalDataRetention(
    MotionIndex index,
    MotionStore motions,
    IAccessTokenStore tokens,
    Beirat.BallotStore ballots,
    DurableTaskClient engine,
    IOptions<WorkflowOptions> options,
    TimeProvider clock,
    ILogger<PersonalDataRetention> logger) : IPeriodicWork
{
    public async Task RunAsync(CancellationToken cancellationToken) => await EraseDueAsync(cancellationToken);

    /// <summary>Erases every motion that is due; returns how many.</summary>
    public async Task<int> EraseDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.PersonalDataRetention;
        var filter = TableClient.CreateQueryFilter($"UpdatedAt le {cutoff}");
        var erased = 0;
        string? continuation = null;
        do
        {
            var (items, next) = await index.PageAsync(MotionIndex.RetentionPartition, filter, continuation, 100, cancellationToken);
            foreach (var item in items)
            {
                erased += await EraseAsync(item.MotionId, cutoff, now, cancellationToken) ? 1 : 0;
            }
            continuation = next;
        }
        while (continuation is not null);
        return erased;
    }

    private async Task<bool> EraseAsync(string motionId, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The index row may be stale: the record decides (a Wiedervorlage may have touched it since).
        if (await motions.GetAsync(motionId, cancellationToken) is not { AwaitsErasure: true } motion || motion.UpdatedAt > cutoff)
        {
            return false;
        }
        if (await engine.GetInstanceAsync(motionId, cancellationToken) is { } instance)
        {
            if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated))
            {
                // A Wiedervorlage still runs (or a step failed and waits for a clerk): the process has not ended.
                return false;
            }
            // The history holds the commands and activity inputs: member ids, comments, votes.
            await engine.PurgeInstanceAsync(motionId, cancellationToken);
        }
        await ballots.DeleteAsync(motionId, cancellationToken);
        await tokens.DeleteAsync(TokenGroup.Motion(TokenPurpose.Confirmation, motionId), cancellationToken);
        await tokens.DeleteAsync(TokenGroup.Motion(TokenPurpose.Status, motionId), cancellationToken);
        for (var round = 1; round <= (motion.Beirat?.Round ?? 0); round++)
        {
            await tokens.DeleteAsync(TokenGroup.VoteRound(motionId, round), cancellationToken);
        }
        try
        {
            await motions.RewriteAsync(motionId, r => PersonalData.Erase(r, now), e => PersonalData.Erase(e, motion), cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            // Another instance erased it at the same moment (or it changed): the next run looks again.
            return false;
        }
        logger.LogInformation("Personal data of motion {MotionId} erased after the retention period.", motionId);
        return true;
    }
}
