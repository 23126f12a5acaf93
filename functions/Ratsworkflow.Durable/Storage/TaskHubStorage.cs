using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ratsworkflow.Durable.Storage;

/// <summary>
/// The task hub's tables, queues and blob container. The Instances table holds one partition per instance: its
/// instance row, history rows, inbox rows (messages not yet applied) and outbox rows (messages not yet sent).
/// </summary>
internal sealed class TaskHubStorage
{
    private readonly Lock _gate = new();
    private readonly QueueSignal _controlSignal = new();
    private readonly QueueSignal _workItemsSignal = new();
    private Task? _created;

    public TaskHubStorage(IOptions<DurableTaskOptions> options, StorageRequestCounter counter, ILogger<TaskHubStorage>? logger = null)
    {
        var o = options.Value;
        var hub = o.HubName.ToLowerInvariant();
        var tableOptions = WithPolicy(new TableClientOptions(), counter.PolicyFor("Table"));
        var queueOptions = WithPolicy(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, counter.PolicyFor("Queue"));
        UndecodableMessages.MoveToPoison(queueOptions, name => PoisonQueue(name.EndsWith("-control", StringComparison.Ordinal) ? QueueKind.Control : QueueKind.WorkItems),
            logger ?? (ILogger)NullLogger.Instance);
        var blobOptions = WithPolicy(new BlobClientOptions(), counter.PolicyFor("Blob"));
        var (tables, queues, blobs) = o.Credential is { } credential
            ? (new TableServiceClient(Endpoint(o.TableServiceUri, nameof(o.TableServiceUri)), credential, tableOptions),
               new QueueServiceClient(Endpoint(o.QueueServiceUri, nameof(o.QueueServiceUri)), credential, queueOptions),
               new BlobServiceClient(Endpoint(o.BlobServiceUri, nameof(o.BlobServiceUri)), credential, blobOptions))
            : (new TableServiceClient(o.StorageConnectionString, tableOptions),
               new QueueServiceClient(o.StorageConnectionString, queueOptions),
               new BlobServiceClient(o.StorageConnectionString, blobOptions));
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

    /// <summary>Wakes this process's poller of a queue (<see cref="QueueSignal"/>).</summary>
    public QueueSignal Signal(QueueKind kind) => kind == QueueKind.Control ? _controlSignal : _workItemsSignal;

    /// <summary>Enqueues a message and wakes this process's poller of that queue, so it need not wait out its back-off.</summary>
    public async Task SendAsync(QueueKind kind, string message, CancellationToken cancellationToken)
    {
        await Queue(kind).SendMessageAsync(message, cancellationToken);
        Signal(kind).Set();
    }

    /// <summary>Creates the hub's tables, queues and container once; a failed attempt (storage down) is tried again.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAllAsync();
            }
            // Shared by all callers; each may stop waiting (shutdown) without cancelling it for the others.
            return _created.WaitAsync(cancellationToken);
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

    private static Uri Endpoint(Uri? uri, string option) => uri ?? throw new InvalidOperationException(
        $"DurableTaskOptions.{option} is required when DurableTaskOptions.Credential is set (identity-based storage).");

    private static T WithPolicy<T>(T options, HttpPipelinePolicy policy) where T : ClientOptions
    {
        options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }
}
