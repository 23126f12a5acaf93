namespace Ratsworkflow.Durable;

/// <summary>Untyped view the engine uses; implement <see cref="TaskActivity{TInput,TOutput}"/> instead.</summary>
public interface ITaskActivity
{
    Type InputType { get; }
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

/// <summary>
/// A unit of work with side effects. Runs at least once: a crash after the work but before its completion is
/// recorded runs it again, so side effects use <see cref="TaskActivityContext.IdempotencyKey"/>.
/// </summary>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    public Type InputType => typeof(TInput);

    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input) =>
        await RunAsync(context, (TInput)input!);
}

public sealed record TaskActivityContext(string Name, string InstanceId, string ExecutionId, int TaskId, CancellationToken CancellationToken)
{
    /// <summary>Stable across re-runs of the same scheduled call, distinct for every other call.</summary>
    public string IdempotencyKey => $"{InstanceId}:{ExecutionId}:{TaskId}";
}
