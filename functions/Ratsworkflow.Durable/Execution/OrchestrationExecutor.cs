using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Durable.Execution;

/// <summary>
/// Replays an instance's history through its code and applies the new events: pure, no I/O, so the same function
/// serves the worker, golden-history tests and diagnostics.
/// </summary>
internal static class OrchestrationExecutor
{
    public static ExecutionResult Execute(
        ITaskOrchestrator? orchestrator,
        string instanceId,
        string executionId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        ILoggerFactory loggerFactory)
    {
        var context = new ReplayOrchestrationContext(instanceId, executionId, loggerFactory);
        var sync = new ReplaySynchronizationContext();
        Task<object?>? run = null;
        HistoryEvent? terminated = null;
        try
        {
            sync.Run(() =>
            {
                var all = past.Concat(newEvents).ToList();
                for (var i = 0; i < all.Count && terminated is null; i++)
                {
                    context.Replaying = i < past.Count;
                    run = Apply(all[i], orchestrator, context, run, ref terminated);
                    sync.Drain();
                }
            });
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Finish(context, newEvents, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex), scheduleNew: false);
        }
        catch (MissingOrchestratorException ex)
        {
            return Finish(context, newEvents, OrchestrationRuntimeStatus.Failed, null, new TaskFailureDetails(nameof(MissingOrchestratorException), ex.Message), scheduleNew: false);
        }

        if (terminated is not null)
        {
            return Finish(context, newEvents, OrchestrationRuntimeStatus.Terminated, terminated.Data, null, scheduleNew: false);
        }
        if (run is not { IsCompleted: true } done)
        {
            return Finish(context, newEvents, OrchestrationRuntimeStatus.Running, null, null, scheduleNew: true);
        }
        if (done.IsFaulted || done.IsCanceled)
        {
            var error = done.Exception?.InnerException ?? new TaskCanceledException("The orchestrator was cancelled.");
            return Finish(context, newEvents, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error), scheduleNew: false);
        }
        if (context.ContinueAsNewRequest is { } next)
        {
            return Finish(context, newEvents, OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null, scheduleNew: false);
        }
        return Finish(context, newEvents, OrchestrationRuntimeStatus.Completed, DataConverter.Serialize(done.Result), null, scheduleNew: true);
    }

    private static Task<object?>? Apply(HistoryEvent e, ITaskOrchestrator? orchestrator, ReplayOrchestrationContext context, Task<object?>? run, ref HistoryEvent? terminated)
    {
        switch (e.Type)
        {
            case HistoryEventType.OrchestratorStarted:
                context.Now = e.Timestamp;
                break;
            case HistoryEventType.ExecutionStarted:
                context.OrchestratorName = e.Name ?? "";
                context.OrchestratorVersion = e.Version ?? "";
                if (orchestrator is null)
                {
                    throw new MissingOrchestratorException($"No orchestrator '{e.Name}' version '{e.Version}' is registered.");
                }
                return orchestrator.RunAsync(context, DataConverter.Deserialize(e.Data, orchestrator.InputType));
            case HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated:
                context.MatchRecorded(e);
                break;
            case HistoryEventType.TaskCompleted:
                context.CompleteActivity(e.TaskId, e.Data);
                break;
            case HistoryEventType.TaskFailed:
                context.FailActivity(e.TaskId, e.Failure ?? new TaskFailureDetails("Unknown", "The activity failed."));
                break;
            case HistoryEventType.TimerFired:
                context.FireTimer(e.TaskId);
                break;
            case HistoryEventType.EventRaised:
                context.RaiseEvent(e);
                break;
            case HistoryEventType.ExecutionTerminated:
                terminated = e;
                break;
        }
        return run;
    }

    private static ExecutionResult Finish(
        ReplayOrchestrationContext context,
        IReadOnlyList<HistoryEvent> newEvents,
        OrchestrationRuntimeStatus status,
        string? output,
        TaskFailureDetails? failure,
        bool scheduleNew)
    {
        var history = new List<HistoryEvent>(newEvents);
        var actions = scheduleNew ? context.UnrecordedActions.ToList() : [];
        history.AddRange(actions.Select(a => a.ToHistoryEvent(context.Now)));
        var timers = actions.OfType<CreateTimerAction>().Where(t => !context.IsCancelledBeforeRecording(t.TaskId));
        var cancelled = context.CancelledRecordedTimers.ToList();
        if (status != OrchestrationRuntimeStatus.Running)
        {
            // A finished instance leaves no timer behind to fire into it later.
            timers = [];
            cancelled.AddRange(context.OpenRecordedTimers);
            history.Add(new HistoryEvent
            {
                Type = HistoryEventType.ExecutionCompleted,
                Timestamp = context.Now,
                Status = status,
                Data = output,
                Failure = failure,
            });
        }
        var carried = status == OrchestrationRuntimeStatus.ContinuedAsNew && context.ContinueAsNewRequest!.Value.PreserveEvents
            ? context.BufferedEvents
            : [];
        return new ExecutionResult(
            history,
            actions.OfType<ScheduleTaskAction>().ToList(),
            timers.ToList(),
            cancelled,
            status,
            output,
            failure,
            context.CustomStatus,
            status == OrchestrationRuntimeStatus.ContinuedAsNew ? new ContinueAsNewRequest(output, carried) : null);
    }

    private sealed class MissingOrchestratorException(string message) : Exception(message);
}
