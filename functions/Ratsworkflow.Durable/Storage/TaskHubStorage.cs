using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Durable.Storage;

/// <summary>
/// The task hub's tables, queues and blob container. The Instances table holds one partition per instance: its
/// instance row, history rows, inbox rows (messages not yet applied) and outbox rows (messages not yet sent).
/// </summary>
internal sealed class TaskHubStorage
{
    private readonly Lock _gate = new();
    private Task? _created;

    public TaskHubStorage(IOptions<DurableTaskOptions> options, StorageRequestCounter counter)
    {
        var o = options.Value;
        var hub = o.HubName.ToLowerInvariant();
        var tables = new TableServiceClient(o.StorageConnectionString, WithPolicy(new TableClientOptions(), counter.PolicyFor("Table")));
        var queues = new QueueServiceClient(o.StorageConnectionString,
            WithPolicy(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, counter.PolicyFor("Queue")));
        var blobs = new BlobServiceClient(o.StorageConnectionString, WithPolicy(new BlobClientOptions(), counter.PolicyFor("Blob")));
        Instances = tables.GetTableClient(hub + "Instances");
        Timers = tables.GetTableClient(hub + "Timers");
        Control = queues.GetQueueClient(hub + "-control");
        WorkItems = queues.GetQueueClient(hub + "-workitems");
        ControlPoison = queues.GetQueueClient(hub + "-control-poison");
        WorkItemsPoison = queues.GetQueueClient(hub + "-workitems-poison");
        Payloads = blobs.GetBlobContainerClient(hub + "-payloads");
    }

    public TableClient Instances { get; }
    public TableClient Timers { get; }
    public QueueClient Control { get; }
    public QueueClient WorkItems { get; }
    public QueueClient ControlPoison { get; }
    public QueueClient WorkItemsPoison { get; }
    public BlobContainerClient Payloads { get; }

    public QueueClient Queue(QueueKind kind) => kind == QueueKind.Control ? Control : WorkItems;

    public QueueClient PoisonQueue(QueueKind kind) => kind == QueueKind.Control ? ControlPoison : WorkItemsPoison;

    /// <summary>Creates the hub's tables, queues and container once; a failed attempt (storage down) is tried again.</summary>
    public Task EnsureCreatedAsync()
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAllAsync();
            }
            return _created;
        }
    }

    private async Task CreateAllAsync()
    {
        await Task.WhenAll(
            Instances.CreateIfNotExistsAsync(),
            Timers.CreateIfNotExistsAsync(),
            Control.CreateIfNotExistsAsync(),
            WorkItems.CreateIfNotExistsAsync(),
            ControlPoison.CreateIfNotExistsAsync(),
            WorkItemsPoison.CreateIfNotExistsAsync(),
            Payloads.CreateIfNotExistsAsync());
    }

    private static T WithPolicy<T>(T options, HttpPipelinePolicy policy) where T : ClientOptions
    {
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }
}
