using Azure;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable.Worker;

/// <summary>
/// A message that failed too often goes to the poison queue and its instance is marked Failed with the reason; the
/// message is kept on the instance row so a clerk can retry the step (<see cref="DurableTaskClient.RewindInstanceAsync"/>).
/// </summary>
internal sealed class PoisonHandler(TaskHubStorage storage, InstanceStore store, FailureNotifier failures, TimeProvider clock, ILogger<PoisonHandler> logger)
{
    public async Task MoveToPoisonAsync(QueueKind kind, string text, string reason, CancellationToken cancellationToken)
    {
        await storage.PoisonQueue(kind).SendMessageAsync(text, cancellationToken);
        var instanceId = MessageParser.TryGetInstanceId(text);
        logger.LogError("Poison message on {Queue} for instance {InstanceId}: {Reason}", kind, instanceId ?? "(unreadable)", reason);
        if (instanceId is null)
        {
            return;
        }
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var row = await store.GetInstanceRowAsync(instanceId, cancellationToken);
            if (row is null || row.Status.IsTerminal())
            {
                return;
            }
            row.Status = OrchestrationRuntimeStatus.Failed;
            row.FailureType = "PoisonMessage";
            row.FailureMessage = reason.Length > 2000 ? reason[..2000] : reason;
            row.PoisonMessage = text;
            row.PoisonQueue = kind.ToString();
            row.LastUpdatedAt = clock.GetUtcNow();
            try
            {
                await storage.Instances.UpdateEntityAsync(row.Entity, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
                await failures.NotifyAsync(instanceId, new TaskFailureDetails(row.FailureType, row.FailureMessage), cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // The instance moved meanwhile; read it again.
            }
        }
    }
}
