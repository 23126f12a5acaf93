using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>Answers a command that was refused, so the waiting API call can say why.</summary>
public sealed class RefuseCommand(WorkflowServices services) : MotionStep<RefusalInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, RefusalInput input)
    {
        var (motion, _) = await services.LoadAsync(step);
        await services.SaveAsideAsync(step, motion, motion.WithAck(new CommandAck(input.CommandId, input.Kind, input.Detail)));
        return true;
    }
}

/// <summary>A step failed after all its attempts: the dashboard shows „Fehler“ with the reason until a clerk retries it.</summary>
public sealed class MarkFailed(WorkflowServices services) : MotionStep<MarkFailedInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, MarkFailedInput input)
    {
        var (motion, _) = await services.LoadAsync(step);
        if (motion.Stage == MotionStage.Failed)
        {
            return true;
        }
        var failed = motion with
        {
            StageBeforeFailure = motion.Stage,
            Stage = MotionStage.Failed,
            FailureReason = input.Reason,
            Status = "Ein Schritt ist fehlgeschlagen",
            WaitingFor = "Ratsbüro (Schritt wiederholen)",
        };
        await services.SaveAsideAsync(step, motion, failed, services.Entry("failed", "Ein Schritt ist fehlgeschlagen: " + input.Reason));
        return true;
    }
}

/// <summary>A clerk retries the failed step: the motion shows where it was again, and the step runs once more.</summary>
public sealed class ResumeFailedStep(WorkflowServices services) : MotionStep<CommandInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, CommandInput input)
    {
        var (motion, _) = await services.LoadAsync(step);
        var resumed = motion.WithAck(CommandAck.Ok(input.CommandId, "Der fehlgeschlagene Schritt wird wiederholt.")) with
        {
            Stage = motion.StageBeforeFailure ?? (motion.Stage == MotionStage.Failed ? MotionStage.Registered : motion.Stage),
            StageBeforeFailure = null,
            FailureReason = null,
            Status = "Fehlgeschlagener Schritt wird wiederholt",
        };
        await services.SaveAsideAsync(step, motion, resumed, services.Entry("retry", "Fehlgeschlagener Schritt wird wiederholt.", input.Actor));
        return true;
    }
}
