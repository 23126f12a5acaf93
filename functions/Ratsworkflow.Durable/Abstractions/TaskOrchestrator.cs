namespace Ratsworkflow.Durable;

/// <summary>Untyped view the engine uses; implement <see cref="TaskOrchestrator{TInput,TOutput}"/> instead.</summary>
public interface ITaskOrchestrator
{
    Type InputType { get; }
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

/// <summary>
/// A workflow's code. It is replayed against its history many times, so it must be deterministic: time only from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, ids from <see cref="TaskOrchestrationContext.NewGuid"/>,
/// and every side effect in an activity.
/// </summary>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    public Type InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}
