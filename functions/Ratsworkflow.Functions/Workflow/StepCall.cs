using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow.Steps;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>A workflow step (activity) by name, typed by its input and output, so a wrong pair does not compile.</summary>
public interface IStepCall
{
    string Name { get; }
    Type ActivityType { get; }
}

public sealed record StepCall<TInput, TOutput>(string Name, Type ActivityType) : IStepCall;

public static class StepCall
{
    /// <summary>The call of <typeparamref name="TActivity"/>; its constraint ties the input and output to the class.</summary>
    public static StepCall<TInput, TOutput> Of<TActivity, TInput, TOutput>() where TActivity : MotionStep<TInput, TOutput> =>
        new(typeof(TActivity).Name, typeof(TActivity));
}

/// <summary>What every step receives: which call of the orchestration it is, and its own input.</summary>
public sealed record StepInput<T>(WorkflowStep Step, T Value);
