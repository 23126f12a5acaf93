using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Durable.Execution;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable.Worker;

/// <summary>
/// One step of an instance: read its partition, apply the inbox to the replayed code, and commit history, consumed
/// inbox, outbox and instance row in one entity-group transaction guarded by the instance row's ETag.
/// </summary>
internal sealed class OrchestrationProcessor(
    TaskHubStorage storage,
    InstanceStore store,
    OutboxSender outbox,
    PayloadStore payloads,
    FailureNotifier failures,
    DurableTaskRegistry registry,
    IServiceProvider services,
    TimeProvider clock,
    ILoggerFactory loggerFactory)
{
    private const int MaxInboxPerStep = 50;
    private const int MaxOperations = 100;
    private readonly ILogger _logger = loggerFactory.CreateLogger<OrchestrationProcessor>();

    public async Task ProcessAsync(string instanceId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 25; attempt++)
        {
            switch (await TryStepAsync(instanceId, cancellationToken))
            {
                case StepOutcome.Done:
                    return;
                case StepOutcome.Conflict:
                    _logger.LogDebug("Instance {InstanceId} was advanced by another worker; reloading.", instanceId);
                    await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
                    break;
            }
        }
        throw new InvalidOperationException($"Instance '{instanceId}' could not be checkpointed after 25 attempts.");
    }

    private async Task<StepOutcome> TryStepAsync(string instanceId, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(instanceId, cancellationToken);
        if (loaded is null)
        {
            return StepOutcome.Done;
        }
        if (loaded.Row.ETag == default)
        {
            // Rows without an instance (a completion that arrived after a purge): nothing will ever read them.
            await store.DeleteRowsAsync(instanceId, loaded.Stale.Select(r => r.RowKey), cancellationToken);
            return StepOutcome.Done;
        }
        if (loaded.Outbox.Count > 0)
        {
            await outbox.SendLeftoversAsync(loaded, cancellationToken);
        }
        var row = loaded.Row;
        var executionId = row.ExecutionId;
        var (applicable, discarded) = Triage(loaded);
        if (row.Status.IsTerminal())
        {
            await store.DeleteRowsAsync(instanceId, loaded.Inbox.Select(i => i.RowKey), cancellationToken);
            return StepOutcome.Done;
        }
        if (applicable.Count == 0)
        {
            await store.DeleteRowsAsync(instanceId, discarded.Select(i => i.RowKey), cancellationToken);
            return StepOutcome.Done;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var newEvents = new List<HistoryEvent> { new() { Type = HistoryEventType.OrchestratorStarted, Timestamp = now } };
        newEvents.AddRange(applicable.Select(i => i.Event));
        var result = OrchestrationExecutor.Execute(CreateOrchestrator(row), instanceId, row.ExecutionId, loaded.History, newEvents, loggerFactory);
        if (result.Status == OrchestrationRuntimeStatus.Failed)
        {
            _logger.LogWarning("Instance {InstanceId} failed: {Failure}", instanceId, result.Failure?.ErrorMessage);
        }

        var messages = OutboxMessages(row, result);
        var actions = new List<TableTransactionAction>();
        foreach (var item in applicable.Concat(discarded))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, item.RowKey), ETag.All));
        }
        var sequence = row.HistorySequence;
        if (messages.Count > 0)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, await store.OutboxRowAsync(instanceId, executionId, sequence, messages)));
        }
        if (result.ContinueAsNew is { } next)
        {
            actions.AddRange(await ContinueAsNewAsync(row, next, now));
        }
        else
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, await store.HistoryRowAsync(instanceId, row.ExecutionId, sequence, result.NewHistory)));
            row.HistorySequence = sequence + 1;
        }
        await UpdateRowAsync(row, result, now);
        actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, row.Entity, row.ETag));
        foreach (var stale in loaded.Stale.Take(MaxOperations - actions.Count))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, stale, ETag.All));
        }

        try
        {
            await storage.Instances.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 409 or 404)
        {
            return StepOutcome.Conflict;
        }

        if (messages.Count > 0)
        {
            await outbox.SendAsync(instanceId, messages, cancellationToken);
            await store.DeleteRowsAsync(instanceId, [RowKeys.Outbox(executionId, sequence)], cancellationToken);
        }
        if (result is { Status: OrchestrationRuntimeStatus.Failed, Failure: { } failure })
        {
            await failures.NotifyAsync(instanceId, failure, cancellationToken);
        }
        var more = result.ContinueAsNew is not null || loaded.Inbox.Count > applicable.Count + discarded.Count;
        return more ? StepOutcome.MoreWork : StepOutcome.Done;
    }

    /// <summary>Splits the inbox into what this step applies and what was already applied or belongs to an old execution.</summary>
    private static (List<InboxItem> Applicable, List<InboxItem> Discarded) Triage(LoadedInstance loaded)
    {
        var history = loaded.History;
        var started = history.Any(e => e.Type == HistoryEventType.ExecutionStarted);
        var scheduled = history.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.TaskId).ToHashSet();
        var timers = history.Where(e => e.Type == HistoryEventType.TimerCreated).Select(e => e.TaskId).ToHashSet();
        var completed = history.Where(e => e.Type is HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed).Select(e => e.TaskId).ToHashSet();
        var fired = history.Where(e => e.Type == HistoryEventType.TimerFired).Select(e => e.TaskId).ToHashSet();
        var applicable = new List<InboxItem>();
        var discarded = new List<InboxItem>();
        foreach (var item in loaded.Inbox.Take(MaxInboxPerStep))
        {
            var e = item.Event;
            var apply = item.ExecutionId is not null && item.ExecutionId != loaded.Row.ExecutionId
                ? false
                : e.Type switch
                {
                    HistoryEventType.ExecutionStarted => !started && (started = true),
                    HistoryEventType.TaskCompleted or HistoryEventType.TaskFailed => scheduled.Contains(e.TaskId) && completed.Add(e.TaskId),
                    HistoryEventType.TimerFired => timers.Contains(e.TaskId) && fired.Add(e.TaskId),
                    _ => true,
                };
            (apply ? applicable : discarded).Add(item);
        }
        return (applicable, discarded);
    }

    private static List<OutboxMessage> OutboxMessages(InstanceRow row, ExecutionResult result)
    {
        var messages = new List<OutboxMessage>();
        messages.AddRange(result.NewTasks.Select(t =>
            new OutboxMessage("task", Task: new WorkItemMessage(row.InstanceId, row.ExecutionId, t.TaskId, t.Name, t.Input))));
        messages.AddRange(result.NewTimers.Select(t =>
            new OutboxMessage("timer", Timer: new TimerRow(row.InstanceId, row.ExecutionId, t.TaskId, t.FireAt))));
        messages.AddRange(result.CancelledTimers.Select(t =>
            new OutboxMessage("untimer", Timer: new TimerRow(row.InstanceId, row.ExecutionId, t.TaskId, t.FireAt))));
        return messages;
    }

    private async Task<List<TableTransactionAction>> ContinueAsNewAsync(InstanceRow row, ContinueAsNewRequest next, DateTime now)
    {
        // The old generation's history rows become stale and are deleted by the following steps.
        var version = registry.LatestVersion(row.Name) ?? row.Version;
        row.ExecutionId = Guid.NewGuid().ToString("N");
        row.HistorySequence = 0;
        row.Version = version;
        row.Input = await payloads.PackAsync(row.InstanceId, next.Input);
        var start = new HistoryEvent { Type = HistoryEventType.ExecutionStarted, Timestamp = now, Name = row.Name, Version = version, Data = next.Input };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, await store.InboxRowAsync(row.InstanceId, RowKeys.Start(row.ExecutionId), row.ExecutionId, start)),
        };
        foreach (var (carried, index) in next.CarriedEvents.Select((e, i) => (e, i)))
        {
            actions.Add(new(TableTransactionActionType.Add, await store.InboxRowAsync(row.InstanceId, RowKeys.Carried(row.ExecutionId, index), null, carried)));
        }
        return actions;
    }

    private async Task UpdateRowAsync(InstanceRow row, ExecutionResult result, DateTime now)
    {
        row.Status = result.Status == OrchestrationRuntimeStatus.ContinuedAsNew ? OrchestrationRuntimeStatus.Running : result.Status;
        row.LastUpdatedAt = new DateTimeOffset(now, TimeSpan.Zero);
        row.CustomStatus = await payloads.PackAsync(row.InstanceId, result.CustomStatus);
        if (result.Status.IsTerminal())
        {
            row.Output = await payloads.PackAsync(row.InstanceId, result.Output);
            row.FailureType = result.Failure?.ErrorType;
            row.FailureMessage = result.Failure?.ErrorMessage;
        }
    }

    private ITaskOrchestrator? CreateOrchestrator(InstanceRow row) =>
        registry.FindOrchestrator(row.Name, row.Version) is { } type
            ? (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type)
            : null;

    private enum StepOutcome
    {
        Done,
        Conflict,
        MoreWork,
    }
}
