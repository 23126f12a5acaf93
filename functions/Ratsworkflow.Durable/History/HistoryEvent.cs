namespace Ratsworkflow.Durable;

public enum HistoryEventType
{
    OrchestratorStarted,
    ExecutionStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    EventRaised,
    ExecutionTerminated,
    ExecutionCompleted,
}

/// <summary>
/// One step of an instance's event-sourced history. <see cref="TaskId"/> is the id the code gave an activity call or
/// timer; completions refer back to it, which is how a completion is applied once and replay is checked.
/// </summary>
public sealed record HistoryEvent
{
    public required HistoryEventType Type { get; init; }
    public DateTime Timestamp { get; init; }
    public int TaskId { get; init; } = -1;
    public string? Name { get; init; }
    public string? Version { get; init; }
    public string? Data { get; init; }
    public DateTime? FireAt { get; init; }
    public TaskFailureDetails? Failure { get; init; }
    public OrchestrationRuntimeStatus? Status { get; init; }

    public override string ToString() => Type switch
    {
        HistoryEventType.TaskScheduled => $"activity '{Name}' (task {TaskId})",
        HistoryEventType.TimerCreated => $"timer (task {TaskId}, due {FireAt:O})",
        _ => $"{Type} {Name}".TrimEnd(),
    };
}
