using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;

namespace Ratsworkflow.Functions.Durable;

/// <summary>
/// Runs the registered orchestrators and activities on Durable Task's own worker (<see cref="TaskHubWorker"/>) against
/// the Azure Storage provider. <see cref="DurableTaskShimFactory"/> turns the app's <c>Microsoft.DurableTask</c> classes
/// into the framework's, exactly as Durable Functions does. It starts in the background and keeps trying while storage
/// is unreachable, so the server answers (503) instead of failing to start.
/// </summary>
public sealed class EngineWorker(
    AzureStorageOrchestrationService service,
    TaskRegistry registry,
    EngineOptions options,
    IServiceProvider services,
    DataConverter converter,
    ILoggerFactory logs,
    ILogger<EngineWorker> logger) : BackgroundService
{
    private TaskHubWorker? _worker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await service.CreateIfNotExistsAsync();
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Task hub storage not reachable (attempt {Attempt}); trying again.", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken);
            }
        }
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = converter }, logs);
        var worker = new TaskHubWorker(service, logs) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        worker.AddTaskOrchestrations(registry.Orchestrators
            .Select(o => new Creator<TaskOrchestration>(o.Name, o.Version, () => shims.CreateOrchestration(o.Name, o.Create())))
            .ToArray());
        // An activity is scheduled with its orchestration's version, so each is offered under every version in use.
        worker.AddTaskActivities(registry.Activities
            .SelectMany(a => registry.Orchestrators.Select(o => o.Version).Distinct().Select(version =>
                new Creator<DurableTask.Core.TaskActivity>(a.Name, version, () =>
                    shims.CreateActivity(a.Name, (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, a.Type)))))
            .ToArray());
        await worker.StartAsync();
        _worker = worker;
        logger.LogInformation("Durable Task worker started: task hub {HubName}.", options.HubName);
    }

    /// <summary>
    /// Stops gracefully within the host's shutdown time, and no longer: with storage already gone (Ctrl-C stops Azurite
    /// and the app together) the graceful stop retries its lease releases for minutes. Leases not released expire by
    /// themselves (docs/engine.md), as after a crash.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_worker is { } worker)
        {
            try
            {
                await worker.StopAsync(isForced: cancellationToken.IsCancellationRequested).WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Durable Task worker did not stop within the shutdown time; its partition leases expire by themselves.");
            }
        }
    }

    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(string name, string version, Func<T> create)
        {
            Name = name;
            Version = version;
            _create = create;
        }

        public override T Create() => _create();
    }
}
