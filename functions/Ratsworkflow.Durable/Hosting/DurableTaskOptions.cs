using Azure.Core;

namespace Ratsworkflow.Durable;

/// <summary>The engine's settings; the app binds them from host.json (<c>ratsworkflow:engine</c>).</summary>
public sealed class DurableTaskOptions
{
    /// <summary>Storage account with a key (Azurite, on premises); ignored when <see cref="Credential"/> is set.</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// Identity-based storage (Azure: managed identity, no keys). When set, the engine reaches the account through
    /// <see cref="TableServiceUri"/>, <see cref="QueueServiceUri"/> and <see cref="BlobServiceUri"/> with this credential.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    public Uri? TableServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }

    /// <summary>Prefix of every table, queue and container: lower-case letters and digits.</summary>
    public string HubName { get; set; } = "ratsworkflow";

    public int MaxConcurrentOrchestrations { get; set; } = 8;
    public int MaxConcurrentActivities { get; set; } = 8;

    /// <summary>How long a dequeued message stays invisible to other workers while it is processed.</summary>
    public TimeSpan MessageLeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon a message whose processing failed is tried again (host.json queues.visibilityTimeout).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Processing attempts before a message is moved to the poison queue (host.json queues.maxDequeueCount).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan TimerPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Instances still Pending this long after creation get their start message sent again.</summary>
    public TimeSpan PendingRepairAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether this process polls the queues itself (local) or is fed by the Functions host.</summary>
    public bool RunLocalTriggers { get; set; } = true;
}
