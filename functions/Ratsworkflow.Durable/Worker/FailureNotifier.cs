using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Durable.Worker;

internal sealed class FailureNotifier(IEnumerable<IOrchestrationFailureObserver> observers, ILogger<FailureNotifier> logger)
{
    public async Task NotifyAsync(string instanceId, TaskFailureDetails failure, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.OnFailedAsync(instanceId, failure, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Failure observer {Observer} failed for instance {InstanceId}.", observer.GetType().Name, instanceId);
            }
        }
    }
}
