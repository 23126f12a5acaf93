using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>A failed workflow shows on the dashboard as stage Failed with its reason, until a clerk retries it.</summary>
public sealed class MotionFailureObserver(MotionStore motions, TimeProvider clock) : IOrchestrationFailureObserver
{
    public async Task OnFailedAsync(string instanceId, TaskFailureDetails failure, CancellationToken cancellationToken)
    {
        if (await motions.GetAsync(instanceId, cancellationToken) is not { } motion || motion.Stage == MotionStage.Failed)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var failed = motion with
        {
            StageBeforeFailure = motion.Stage,
            Stage = MotionStage.Failed,
            FailureReason = failure.ErrorMessage,
            Status = "Ein Schritt ist fehlgeschlagen",
            WaitingFor = "Ratsbüro (Schritt wiederholen)",
            UpdatedAt = now,
        };
        await motions.SaveAsync(motion, failed, [($"failed|{now.UtcTicks}", new TimelineEntry(now, "failed", "Ein Schritt ist fehlgeschlagen: " + failure.ErrorMessage))], cancellationToken);
    }
}
