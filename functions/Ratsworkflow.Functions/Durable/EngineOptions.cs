namespace Ratsworkflow.Functions.Durable;

/// <summary>
/// The engine's settings from host.json: <c>extensions:durableTask</c> with Durable Functions' own keys (so the Functions
/// app in Azure reads the same file the same way), plus <c>ratsworkflow:engine</c> for what only the local server
/// sets itself. Every default is chosen for this app, not taken from the provider (docs/engine.md, "Settings").
/// </summary>
public sealed class EngineOptions
{
    public const string Section = "extensions:durableTask";
    public const string LocalSection = "ratsworkflow:engine";

    public string HubName { get; set; } = "ratsbeschluss";

    public int MaxConcurrentActivityFunctions { get; set; } = 8;

    public int MaxConcurrentOrchestratorFunctions { get; set; } = 8;

    public StorageProviderOptions StorageProvider { get; set; } = new();

    /// <summary>Partition leases (local server only): a killed process's partitions move on within about 20 s.</summary>
    public LeaseOptions Leases { get; set; } = new();

    public sealed class StorageProviderOptions
    {
        public int PartitionCount { get; set; } = 4;

        /// <summary>The provider's default, 30 s, would make an idle motion answer its first command 30 s late.</summary>
        public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How long a message taken by a process that died stays hidden (provider default: 5 min).</summary>
        public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

        public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(20);

        public int ControlQueueBatchSize { get; set; } = 32;
    }

    public sealed class LeaseOptions
    {
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);
        public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(5);
        public TimeSpan AcquireInterval { get; set; } = TimeSpan.FromSeconds(5);
    }

    public static EngineOptions From(IConfiguration configuration)
    {
        var options = new EngineOptions();
        configuration.GetSection(Section).Bind(options);
        configuration.GetSection(LocalSection).GetSection("leases").Bind(options.Leases);
        return options;
    }
}
