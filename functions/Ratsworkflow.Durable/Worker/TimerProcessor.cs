using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable.Worker;

/// <summary>
/// Durable timers are rows partitioned by due hour, so "what is due" is one range query however far ahead timers
/// reach (a two-year follow-up costs nothing until it is due). Firing is idempotent: the inbox key is the timer's id.
/// </summary>
internal sealed class TimerProcessor(TaskHubStorage storage, InstanceStore store, TimeProvider clock)
{
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hour = now.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {hour} and FireAt le {now}");
        var fired = 0;
        await foreach (var timer in storage.Timers.QueryAsync<TableEntity>(filter, maxPerPage: 500, cancellationToken: cancellationToken))
        {
            var instanceId = timer.GetString("InstanceId");
            var executionId = timer.GetString("ExecutionId");
            var taskId = timer.GetInt32("TaskId") ?? -1;
            var e = new HistoryEvent
            {
                Type = HistoryEventType.TimerFired,
                Timestamp = now.UtcDateTime,
                TaskId = taskId,
                FireAt = timer.GetDateTimeOffset("FireAt")?.UtcDateTime,
            };
            await store.PutInboxAsync(instanceId, RowKeys.TimerFired(executionId, taskId), executionId, e, cancellationToken);
            await storage.SendAsync(QueueKind.Control, new WakeUpMessage(instanceId).ToJson(), cancellationToken);
            await storage.Timers.DeleteEntityAsync(timer.PartitionKey, timer.RowKey, ETag.All, cancellationToken);
            fired++;
        }
        return fired;
    }
}
