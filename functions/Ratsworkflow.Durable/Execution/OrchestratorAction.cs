namespace Ratsworkflow.Durable.Execution;

/// <summary>Something the code asked for that becomes history and a message once the step is committed.</summary>
internal abstract record OrchestratorAction(int TaskId)
{
    public abstract HistoryEvent ToHistoryEvent(DateTime now);
}

internal sealed record ScheduleTaskAction(int TaskId, string Name, string? Input) : OrchestratorAction(TaskId)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) =>
        new() { Type = HistoryEventType.TaskScheduled, Timestamp = now, TaskId = TaskId, Name = Name, Data = Input };
}

internal sealed record CreateTimerAction(int TaskId, DateTime FireAt) : OrchestratorAction(TaskId)
{
    public override HistoryEvent ToHistoryEvent(DateTime now) =>
        new() { Type = HistoryEventType.TimerCreated, Timestamp = now, TaskId = TaskId, FireAt = FireAt };
}

/// <summary>What one step decided: history to append and the messages and timers it sends.</summary>
internal sealed record ExecutionResult(
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<ScheduleTaskAction> NewTasks,
    IReadOnlyList<CreateTimerAction> NewTimers,
    IReadOnlyList<CreateTimerAction> CancelledTimers,
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? Failure,
    string? CustomStatus,
    ContinueAsNewRequest? ContinueAsNew);

internal sealed record ContinueAsNewRequest(string? Input, IReadOnlyList<HistoryEvent> CarriedEvents);
