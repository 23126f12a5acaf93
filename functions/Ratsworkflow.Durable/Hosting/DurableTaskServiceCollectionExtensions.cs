using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ratsworkflow.Durable.Storage;
using Ratsworkflow.Durable.Worker;

namespace Ratsworkflow.Durable;

public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>Registers the engine: client, worker, typed orchestrators and activities, and (if enabled) the local trigger runner.</summary>
    public static IServiceCollection AddDurableTask(this IServiceCollection services, Action<DurableTaskOptions> configure, Action<DurableTaskRegistry> register)
    {
        var registry = new DurableTaskRegistry();
        register(registry);
        services.Configure(configure);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageRequestCounter>();
        services.AddSingleton<TaskHubStorage>();
        services.AddSingleton<PayloadStore>();
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OrchestrationProcessor>();
        services.AddSingleton<ActivityProcessor>();
        services.AddSingleton<TimerProcessor>();
        services.AddSingleton<PoisonHandler>();
        services.AddSingleton<FailureNotifier>();
        services.AddSingleton<InstanceRewinder>();
        // Their constructors are internal (the storage types are not public), so they are built here.
        services.AddSingleton(sp => new DurableTaskWorker(
            sp.GetRequiredService<OrchestrationProcessor>(),
            sp.GetRequiredService<ActivityProcessor>(),
            sp.GetRequiredService<TimerProcessor>(),
            sp.GetRequiredService<PoisonHandler>(),
            sp.GetRequiredService<TaskHubStorage>(),
            sp.GetRequiredService<IOptions<DurableTaskOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DurableTaskWorker>>()));
        services.AddSingleton(sp => new DurableTaskClient(
            sp.GetRequiredService<TaskHubStorage>(),
            sp.GetRequiredService<InstanceStore>(),
            sp.GetRequiredService<PayloadStore>(),
            sp.GetRequiredService<DurableTaskRegistry>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<InstanceRewinder>(),
            sp.GetRequiredService<IOptions<DurableTaskOptions>>()));
        foreach (var type in registry.OrchestratorTypes.Concat(registry.ActivityTypes))
        {
            services.TryAddTransient(type);
        }
        services.AddHostedService<QueuePollingService>();
        return services;
    }
}
