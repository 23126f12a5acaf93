using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// host.json is the one place for host settings (DESIGN.md §2): the Functions host reads it in Azure, and this reads
/// the same file for the local trigger runner, so queue retries and poison thresholds are the same in both modes.
/// </summary>
public static class HostSettings
{
    /// <summary>Adds host.json as the lowest-precedence source: environment variables and app settings override it.</summary>
    public static IConfigurationBuilder AddHostJson(this IConfigurationBuilder configuration, string contentRoot)
    {
        foreach (var candidate in new[] { Path.Combine(AppContext.BaseDirectory, "host.json"), Path.Combine(contentRoot, "host.json") })
        {
            if (File.Exists(candidate))
            {
                var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = candidate, Optional = false, ReloadOnChange = false };
                source.ResolveFileProvider();
                configuration.Sources.Insert(0, source);
                return configuration;
            }
        }
        return configuration;
    }

    public static void Apply(IConfiguration configuration, DurableTaskOptions options)
    {
        var engine = configuration.GetSection("ratsworkflow:engine");
        var queues = configuration.GetSection("extensions:queues");
        options.HubName = engine["hubName"] ?? options.HubName;
        options.MaxConcurrentOrchestrations = engine.GetValue("maxConcurrentOrchestrations", options.MaxConcurrentOrchestrations);
        options.MaxConcurrentActivities = engine.GetValue("maxConcurrentActivities", options.MaxConcurrentActivities);
        options.MessageLeaseTime = engine.GetValue("messageLeaseTime", options.MessageLeaseTime);
        options.TimerPollingInterval = engine.GetValue("timerPollingInterval", options.TimerPollingInterval);
        options.MinPollingInterval = engine.GetValue("minPollingInterval", options.MinPollingInterval);
        options.MaxPollingInterval = queues.GetValue("maxPollingInterval", options.MaxPollingInterval);
        options.MaxDequeueCount = queues.GetValue("maxDequeueCount", options.MaxDequeueCount);
        options.RetryDelay = queues.GetValue("visibilityTimeout", options.RetryDelay);
    }
}
