using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Durable.Execution;

/// <summary>
/// The context an orchestrator sees while <see cref="OrchestrationExecutor"/> feeds it its history. Every durable
/// call gets the next task id; history events are matched to those ids, which both completes the right task and
/// detects code that no longer matches its history.
/// </summary>
internal sealed class ReplayOrchestrationContext(string instanceId, string executionId, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    private readonly SortedDictionary<int, OrchestratorAction> _unrecorded = [];
    private readonly Dictionary<int, (string Name, TaskCompletionSource<string?> Completion)> _openActivities = [];
    private readonly Dictionary<int, OpenTimer> _openTimers = [];
    private readonly List<EventWaiter> _waiters = [];
    private readonly List<HistoryEvent> _bufferedEvents = [];
    private readonly HashSet<int> _cancelledUnrecorded = [];
    private readonly List<CreateTimerAction> _cancelledRecorded = [];
    private int _nextTaskId;
    private int _guidCounter;

    public override string Name => OrchestratorName;
    public override string InstanceId => instanceId;
    public override string Version => OrchestratorVersion;
    public override DateTime CurrentUtcDateTime => Now;
    public override bool IsReplaying => Replaying;

    internal string OrchestratorName { get; set; } = "";
    internal string OrchestratorVersion { get; set; } = "";
    internal DateTime Now { get; set; }
    internal bool Replaying { get; set; }
    internal string? CustomStatus { get; private set; }
    internal (string? Input, bool PreserveEvents)? ContinueAsNewRequest { get; private set; }

    internal IEnumerable<OrchestratorAction> UnrecordedActions => _unrecorded.Values;
    internal bool IsCancelledBeforeRecording(int taskId) => _cancelledUnrecorded.Contains(taskId);
    internal IReadOnlyList<CreateTimerAction> CancelledRecordedTimers => _cancelledRecorded;
    internal IReadOnlyList<HistoryEvent> BufferedEvents => _bufferedEvents;

    internal IEnumerable<CreateTimerAction> OpenRecordedTimers =>
        _openTimers.Values.Where(t => t.Recorded).Select(t => t.Action);

    public override Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        var serialized = DataConverter.Serialize(input);
        return options?.Retry is { } retry ? CallWithRetryAsync<TResult>(name, serialized, retry) : CallOnceAsync<TResult>(name, serialized);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var id = _nextTaskId++;
        var action = new CreateTimerAction(id, DateTime.SpecifyKind(fireAt, DateTimeKind.Utc));
        var timer = new OpenTimer(action, new TaskCompletionSource());
        _unrecorded[id] = action;
        _openTimers[id] = timer;
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => CancelTimer(id));
        }
        return timer.Completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        var index = _bufferedEvents.FindIndex(e => SameEvent(e.Name, eventName));
        if (index >= 0)
        {
            var buffered = _bufferedEvents[index];
            _bufferedEvents.RemoveAt(index);
            return Task.FromResult(DataConverter.Deserialize<T>(buffered.Data));
        }
        var waiter = new EventWaiter(eventName, new TaskCompletionSource<string?>());
        _waiters.Add(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter leaves the list, so it can never consume a later event.
            cancellationToken.Register(() =>
            {
                if (_waiters.Remove(waiter))
                {
                    waiter.Completion.TrySetCanceled(cancellationToken);
                }
            });
        }
        return Deserialize<T>(waiter.Completion.Task);
    }

    public override void SetCustomStatus(object? customStatus) => CustomStatus = DataConverter.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        ContinueAsNewRequest = (DataConverter.Serialize(newInput), preserveUnprocessedEvents);

    public override Guid NewGuid()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{instanceId}|{executionId}|{_guidCounter++}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(categoryName), () => Replaying);

    internal void MatchRecorded(HistoryEvent recorded)
    {
        if (!_unrecorded.TryGetValue(recorded.TaskId, out var action))
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{OrchestratorName}' ({instanceId}): the history has {recorded} " +
                "but the code did not schedule anything at that step.");
        }
        var matches = (recorded.Type, action) switch
        {
            (HistoryEventType.TaskScheduled, ScheduleTaskAction task) => string.Equals(task.Name, recorded.Name, StringComparison.OrdinalIgnoreCase),
            (HistoryEventType.TimerCreated, CreateTimerAction) => true,
            _ => false,
        };
        if (!matches)
        {
            throw new NonDeterministicOrchestrationException(
                $"Non-deterministic orchestration '{OrchestratorName}' ({instanceId}): the history has {recorded} " +
                $"but the code now schedules {action.ToHistoryEvent(Now)}.");
        }
        _unrecorded.Remove(recorded.TaskId);
        if (_openTimers.TryGetValue(recorded.TaskId, out var timer))
        {
            _openTimers[recorded.TaskId] = timer with { Recorded = true };
        }
    }

    internal void CompleteActivity(int taskId, string? result)
    {
        if (_openActivities.Remove(taskId, out var open))
        {
            open.Completion.TrySetResult(result);
        }
    }

    internal void FailActivity(int taskId, TaskFailureDetails failure)
    {
        if (_openActivities.Remove(taskId, out var open))
        {
            open.Completion.TrySetException(new TaskFailedException(open.Name, taskId, failure));
        }
    }

    internal void FireTimer(int taskId)
    {
        if (_openTimers.Remove(taskId, out var timer))
        {
            timer.Completion.TrySetResult();
        }
    }

    internal void RaiseEvent(HistoryEvent raised)
    {
        var waiter = _waiters.FirstOrDefault(w => SameEvent(w.Name, raised.Name));
        if (waiter is null)
        {
            _bufferedEvents.Add(raised);
            return;
        }
        _waiters.Remove(waiter);
        waiter.Completion.TrySetResult(raised.Data);
    }

    private static bool SameEvent(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static async Task<T> Deserialize<T>(Task<string?> raw) => DataConverter.Deserialize<T>(await raw);

    private async Task<T> CallOnceAsync<T>(string name, string? input)
    {
        var id = _nextTaskId++;
        var completion = new TaskCompletionSource<string?>();
        _openActivities[id] = (name, completion);
        _unrecorded[id] = new ScheduleTaskAction(id, name, input);
        return DataConverter.Deserialize<T>(await completion.Task);
    }

    private async Task<T> CallWithRetryAsync<T>(string name, string? input, RetryPolicy retry)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CallOnceAsync<T>(name, input);
            }
            catch (TaskFailedException) when (attempt < retry.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime + retry.DelayBefore(attempt + 1), CancellationToken.None);
            }
        }
    }

    private void CancelTimer(int taskId)
    {
        if (!_openTimers.Remove(taskId, out var timer))
        {
            return;
        }
        if (!timer.Recorded)
        {
            _cancelledUnrecorded.Add(taskId);
        }
        else if (!Replaying)
        {
            _cancelledRecorded.Add(timer.Action);
        }
        timer.Completion.TrySetCanceled();
    }

    private sealed record OpenTimer(CreateTimerAction Action, TaskCompletionSource Completion, bool Recorded = false);

    private sealed record EventWaiter(string Name, TaskCompletionSource<string?> Completion);
}
