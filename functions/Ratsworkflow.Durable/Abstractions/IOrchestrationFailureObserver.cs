namespace Ratsworkflow.Durable;

/// <summary>
/// Told when an instance fails (its code threw, its history no longer matches, or a message was poisoned), so the app
/// can show it where people look, e.g. as a failed step on the clerks' dashboard. Best effort: errors are logged.
/// </summary>
public interface IOrchestrationFailureObserver
{
    Task OnFailedAsync(string instanceId, TaskFailureDetails failure, CancellationToken cancellationToken);
}
