using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable.Worker;

/// <summary>
/// Lets a failed instance run again from where it stopped. A poisoned message is sent again as it was. An activity
/// whose last attempt failed is called once more: the failed step's record of that failure and of the instance's end
/// is taken out of the history, so the replayed code waits at the same call again, and the call is sent anew.
/// Each rewind is one ETag-guarded write of the instance row, so of two at once only one wins; the winner's
/// <c>beforeResuming</c> runs after that write and before anything is sent, while nothing can run the instance yet.
/// </summary>
internal sealed class InstanceRewinder(TaskHubStorage storage, InstanceStore store, OutboxSender outbox, TimeProvider clock)
{
    public async Task<bool> RewindAsync(string instanceId, Func<CancellationToken, Task>? beforeResuming, CancellationToken cancellationToken)
    {
        var row = await store.GetInstanceRowAsync(instanceId, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
        if (row.Status != OrchestrationRuntimeStatus.Failed)
        {
            return false;
        }
        return row.PoisonMessage is { } message
            ? await ResendPoisonedAsync(row, message, beforeResuming, cancellationToken)
            : await RecallFailedActivitiesAsync(instanceId, beforeResuming, cancellationToken);
    }

    private async Task<bool> ResendPoisonedAsync(InstanceRow row, string message, Func<CancellationToken, Task>? beforeResuming, CancellationToken cancellationToken)
    {
        var queue = Enum.Parse<QueueKind>(row.PoisonQueue ?? nameof(QueueKind.Control));
        MarkRunning(row);
        try
        {
            await storage.Instances.UpdateEntityAsync(row.Entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
        await ResumeAsync(beforeResuming, () => storage.SendAsync(queue, message, cancellationToken), cancellationToken);
        return true;
    }

    private async Task<bool> RecallFailedActivitiesAsync(string instanceId, Func<CancellationToken, Task>? beforeResuming, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(instanceId, cancellationToken);
        if (loaded is null || loaded.Row.Status != OrchestrationRuntimeStatus.Failed || loaded.Row.HistorySequence == 0)
        {
            return false;
        }
        var history = loaded.History;
        // Every step's history row starts with its OrchestratorStarted, so the failed step is the tail from the last one.
        var stepStart = history.ToList().FindLastIndex(e => e.Type == HistoryEventType.OrchestratorStarted);
        var failedStep = history.Skip(Math.Max(stepStart, 0)).ToList();
        var failedTasks = failedStep.Where(e => e.Type == HistoryEventType.TaskFailed).Select(e => e.TaskId).ToHashSet();
        if (stepStart < 0 || failedTasks.Count == 0)
        {
            // The code itself failed (a bug or a changed orchestrator): running it again would only fail again.
            return false;
        }
        if (loaded.Outbox.Count > 0)
        {
            // The failed step's cancelled timers must be gone before they are set again below.
            await outbox.SendLeftoversAsync(loaded, cancellationToken);
        }

        var row = loaded.Row;
        var sequence = row.HistorySequence - 1;
        var kept = failedStep.Where(e => e.Type is not (HistoryEventType.TaskFailed or HistoryEventType.ExecutionCompleted)).ToList();
        var messages = Resend(row, history, failedTasks);
        MarkRunning(row);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, await store.HistoryRowAsync(instanceId, row.ExecutionId, sequence, kept)),
            new(TableTransactionActionType.UpsertReplace, await store.OutboxRowAsync(instanceId, row.ExecutionId, sequence, messages, RowKeys.RewindSuffix)),
            new(TableTransactionActionType.UpdateReplace, row.Entity, row.ETag),
        };
        try
        {
            await storage.Instances.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409)
        {
            // Another rewind or a purge got there first.
            return false;
        }
        await ResumeAsync(beforeResuming, async () =>
        {
            await outbox.SendAsync(instanceId, messages, cancellationToken);
            await store.DeleteRowsAsync(instanceId, [RowKeys.Outbox(row.ExecutionId, sequence) + RowKeys.RewindSuffix], cancellationToken);
        }, cancellationToken);
        return true;
    }

    /// <summary>The instance is Running once rewound: it is resumed even when the caller's part failed, never left stuck.</summary>
    private static async Task ResumeAsync(Func<CancellationToken, Task>? beforeResuming, Func<Task> resume, CancellationToken cancellationToken)
    {
        try
        {
            if (beforeResuming is not null)
            {
                await beforeResuming(cancellationToken);
            }
        }
        finally
        {
            await resume();
        }
    }

    /// <summary>
    /// The failed calls, and every timer that has not fired: the instance's end cancelled its open timers. A timer the
    /// code had cancelled itself fires into a wait that no longer exists, which replay ignores.
    /// </summary>
    private static List<OutboxMessage> Resend(InstanceRow row, IReadOnlyList<HistoryEvent> history, HashSet<int> failedTasks)
    {
        var fired = history.Where(e => e.Type == HistoryEventType.TimerFired).Select(e => e.TaskId).ToHashSet();
        var messages = history
            .Where(e => e.Type == HistoryEventType.TaskScheduled && failedTasks.Contains(e.TaskId))
            .Select(e => new OutboxMessage("task", Task: new WorkItemMessage(row.InstanceId, row.ExecutionId, e.TaskId, e.Name ?? "", e.Data)))
            .ToList();
        messages.AddRange(history
            .Where(e => e.Type == HistoryEventType.TimerCreated && !fired.Contains(e.TaskId) && e.FireAt is not null)
            .Select(e => new OutboxMessage("timer", Timer: new TimerRow(row.InstanceId, row.ExecutionId, e.TaskId, e.FireAt!.Value))));
        return messages;
    }

    private void MarkRunning(InstanceRow row)
    {
        row.Status = OrchestrationRuntimeStatus.Running;
        row.Output = null;
        row.FailureType = null;
        row.FailureMessage = null;
        row.PoisonMessage = null;
        row.PoisonQueue = null;
        row.LastUpdatedAt = clock.GetUtcNow();
    }
}
