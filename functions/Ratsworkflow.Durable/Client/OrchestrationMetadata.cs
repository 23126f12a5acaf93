namespace Ratsworkflow.Durable;

/// <summary>An instance as a client sees it; inputs and outputs only when asked for.</summary>
public sealed record OrchestrationMetadata(
    string InstanceId,
    string Name,
    string Version,
    OrchestrationRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    TaskFailureDetails? FailureDetails)
{
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending;
    public bool IsCompleted => RuntimeStatus.IsTerminal();

    public T ReadInputAs<T>() => DataConverter.Deserialize<T>(SerializedInput);
    public T ReadOutputAs<T>() => DataConverter.Deserialize<T>(SerializedOutput);
    public T ReadCustomStatusAs<T>() => DataConverter.Deserialize<T>(SerializedCustomStatus);
}

public sealed record OrchestrationQuery
{
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }
    public DateTimeOffset? CreatedFrom { get; init; }
    public DateTimeOffset? CreatedTo { get; init; }
    public string? InstanceIdPrefix { get; init; }
    public int PageSize { get; init; } = 100;
    public string? ContinuationToken { get; init; }
    public bool FetchInputsAndOutputs { get; init; }
}

public sealed record StartOrchestrationOptions(string? InstanceId = null, string? Version = null);

public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary><see cref="IsComplete"/> is false when the time or count budget ran out: call again for the rest.</summary>
public sealed record PurgeResult(int PurgedInstanceCount, bool IsComplete = true);
