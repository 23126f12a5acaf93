using DurableTask.AzureStorage;
using DurableTask.Core;
using Ratsworkflow.Functions.Storage;

namespace Ratsworkflow.Functions.Durable;

/// <summary>
/// The Azure Storage provider of the Durable Task framework on the app's storage account: history and instance tables,
/// control and work-item queues, partition leases (tables) and large payloads (blobs), all named after the task hub.
/// </summary>
public static class EngineStorage
{
    public static AzureStorageOrchestrationService Create(StorageAccount account, EngineOptions options, ILoggerFactory logs)
    {
        var storage = options.StorageProvider;
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = account.Credential is null
                ? new StorageAccountClientProvider(account.ConnectionString!)
                : new StorageAccountClientProvider(account.BlobServiceUri!, account.QueueServiceUri!, account.TableServiceUri!, account.Credential),
            TaskHubName = options.HubName,
            // Unique per process: two processes on one machine (or a restarted one) must not share partition leases.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}",
            PartitionCount = storage.PartitionCount,
            MaxQueuePollingInterval = storage.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = storage.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = storage.WorkItemQueueVisibilityTimeout,
            ControlQueueBatchSize = storage.ControlQueueBatchSize,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestratorFunctions,
            LeaseInterval = options.Leases.Interval,
            LeaseRenewInterval = options.Leases.RenewInterval,
            LeaseAcquireInterval = options.Leases.AcquireInterval,
            // Blob leases: the table partition manager lost control queues to two owners at once under load (docs/engine.md).
            UseTablePartitionManagement = false,
            UseInstanceTableEtag = true,
            ThrowExceptionOnInvalidDedupeStatus = true,
            EventBehaviourForContinueAsNew = BehaviorOnContinueAsNew.Carryover,
            LoggerFactory = logs,
        });
    }
}
