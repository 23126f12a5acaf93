using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Ratsworkflow.Durable.Execution;

namespace Ratsworkflow.Durable;

/// <summary>
/// Replays a stored ("golden") history against the current code, so a test can prove that a deploy does not break
/// instances in flight. Throws <see cref="NonDeterministicOrchestrationException"/> naming both steps on a mismatch.
/// </summary>
public static class HistoryReplayer
{
    private static readonly JsonSerializerOptions Indented = new(DataConverter.Options) { WriteIndented = true };

    public static string ToJson(IReadOnlyList<HistoryEvent> history) => JsonSerializer.Serialize(history, Indented);

    public static IReadOnlyList<HistoryEvent> FromJson(string json) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(json, DataConverter.Options) ?? [];

    /// <returns>The status the replayed code reaches.</returns>
    public static OrchestrationRuntimeStatus Replay(ITaskOrchestrator orchestrator, IReadOnlyList<HistoryEvent> history, string instanceId = "golden")
    {
        var result = OrchestrationExecutor.Execute(orchestrator, instanceId, "golden", history, [], NullLoggerFactory.Instance);
        if (result.Failure is { ErrorType: var type } failure && type == typeof(NonDeterministicOrchestrationException).FullName)
        {
            throw new NonDeterministicOrchestrationException(failure.ErrorMessage);
        }
        var completed = history.LastOrDefault(e => e.Type == HistoryEventType.ExecutionCompleted);
        if (completed is null && result.NewTasks.Count + result.NewTimers.Count > 0)
        {
            // Every step's actions are recorded with it, so code that wants more here would act differently in flight.
            throw new NonDeterministicOrchestrationException(
                $"Replaying '{orchestrator.GetType().Name}' over its recorded history, the code now also schedules " +
                string.Join(", ", result.NewHistory.Where(e => e.Type is HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated)) +
                " where the history has nothing.");
        }
        return completed?.Status ?? result.Status;
    }
}
