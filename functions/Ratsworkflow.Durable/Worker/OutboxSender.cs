using Azure;
using Azure.Data.Tables;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable.Worker;

/// <summary>
/// Sends what a committed step produced, then removes the outbox row. A crash in between leaves the row, and the
/// next wake-up of the instance sends it again: messages may repeat, never vanish.
/// </summary>
internal sealed class OutboxSender(TaskHubStorage storage, InstanceStore store, PayloadStore payloads)
{
    public async Task SendAsync(string instanceId, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            switch (message.Kind)
            {
                case "task" when message.Task is { } task:
                    var packed = task with { Input = await payloads.PackAsync(instanceId, task.Input) };
                    await storage.SendAsync(QueueKind.WorkItems, packed.ToJson(), cancellationToken);
                    break;
                case "timer" when message.Timer is { } timer:
                    await storage.Timers.UpsertEntityAsync(new TableEntity(timer.PartitionKey, timer.RowKey)
                    {
                        ["InstanceId"] = timer.InstanceId,
                        ["ExecutionId"] = timer.ExecutionId,
                        ["TaskId"] = timer.TaskId,
                        ["FireAt"] = new DateTimeOffset(timer.FireAt, TimeSpan.Zero),
                    }, TableUpdateMode.Replace, cancellationToken);
                    break;
                case "untimer" when message.Timer is { } timer:
                    await storage.Timers.DeleteEntityAsync(timer.PartitionKey, timer.RowKey, ETag.All, cancellationToken);
                    break;
                case "wake":
                    await storage.SendAsync(QueueKind.Control, new WakeUpMessage(instanceId).ToJson(), cancellationToken);
                    break;
            }
        }
    }

    public async Task SendLeftoversAsync(LoadedInstance instance, CancellationToken cancellationToken)
    {
        foreach (var row in instance.Outbox)
        {
            await SendAsync(instance.Row.InstanceId, await store.ReadOutboxAsync(row), cancellationToken);
        }
        await store.DeleteRowsAsync(instance.Row.InstanceId, instance.Outbox.Select(r => r.RowKey), cancellationToken);
    }
}
