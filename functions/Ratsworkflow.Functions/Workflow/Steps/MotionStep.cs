using Microsoft.DurableTask;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>
/// A step of a motion's workflow: an activity whose instance id is the motion id. Steps run at least once, so each is
/// written to give the same result when it runs again (see <see cref="WorkflowServices.SaveAsync"/>).
/// </summary>
public abstract class MotionStep<TInput, TOutput> : TaskActivity<StepInput<TInput>, TOutput>
{
    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, StepInput<TInput> input) =>
        RunStepAsync(context.InstanceId, input);

    /// <summary>
    /// The step for a host that hands over the instance id itself instead of a <see cref="TaskActivityContext"/>: the
    /// Azure Functions app's activity functions (functions/Ratsworkflow.FunctionApp) run the same step this way.
    /// </summary>
    public Task<TOutput> RunStepAsync(string motionId, StepInput<TInput> input) =>
        RunAsync(new StepContext(motionId, input.Step), input.Value);

    protected abstract Task<TOutput> RunAsync(StepContext step, TInput input);
}

/// <summary>The motion a step works on and which call it is; <see cref="Key"/> makes its writes and mails idempotent.</summary>
public sealed record StepContext(string MotionId, WorkflowStep Step)
{
    public string Key => $"{MotionId}:{Step.ExecutionId}:{Step.TaskId}";
}
