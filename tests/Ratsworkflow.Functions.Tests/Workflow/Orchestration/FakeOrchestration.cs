using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Tests.Workflow.Orchestration;

/// <summary>
/// Plays the engine for one orchestrator run, so its logic is tested without storage and without waiting: the test
/// answers the steps, raises events and moves the orchestration's clock, which fires the durable timers that are due.
/// Everything runs on the test's thread; after each move the orchestrator has run as far as it can.
/// </summary>
public sealed class FakeOrchestration
{
    private readonly Dictionary<string, Func<object?, object?>> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deferred = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Action<object?>> _held = new(StringComparer.Ordinal);
    private readonly List<Timer> _timers = [];
    private readonly Dictionary<string, Queue<string>> _buffered = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (Type Type, TaskCompletionSource<object?> Source)> _waiting = new(StringComparer.OrdinalIgnoreCase);
    private readonly QueueContext _sync = new();
    private int _guids;

    public FakeOrchestration(DateTime start) => Now = start;

    public DateTime Now { get; private set; }

    /// <summary>Every step called, in order, with its input (the step's own input, not the envelope).</summary>
    public List<(string Step, object? Input, WorkflowStep Id)> Calls { get; } = [];

    public Task<string>? Result { get; private set; }

    /// <summary>What the orchestrator returned; null while it runs.</summary>
    public string? Output => Result is { IsCompletedSuccessfully: true } done ? done.GetAwaiter().GetResult() : null;

    public object? ContinuedWith { get; private set; }

    /// <summary>The timers set and not cancelled that have not fired yet.</summary>
    public IReadOnlyList<DateTime> PendingTimers => _timers.Where(t => !t.Source.Task.IsCompleted).Select(t => t.FireAt).Order().ToList();

    public FakeOrchestration On<TInput, TOutput>(StepCall<TInput, TOutput> step, Func<TInput, TOutput> answer)
    {
        _steps[step.Name] = input => answer(((StepInput<TInput>)input!).Value);
        return this;
    }

    /// <summary>The next <paramref name="times"/> calls of the step fail after all their attempts.</summary>
    public FakeOrchestration Fail<TInput, TOutput>(StepCall<TInput, TOutput> step, int times = 1)
    {
        _failures[step.Name] = times;
        return this;
    }

    /// <summary>The next call of the step stays running until <see cref="Complete"/>: events that come meanwhile queue up.</summary>
    public FakeOrchestration Defer<TInput, TOutput>(StepCall<TInput, TOutput> step)
    {
        _deferred.Add(step.Name);
        return this;
    }

    public void Complete<TInput, TOutput>(StepCall<TInput, TOutput> step, TOutput result)
    {
        var held = _held[step.Name];
        _held.Remove(step.Name);
        Interact(() => held(result));
    }

    public IReadOnlyList<TInput> CallsOf<TInput, TOutput>(StepCall<TInput, TOutput> step) =>
        Calls.Where(c => c.Step == step.Name).Select(c => (TInput)c.Input!).ToList();

    public void Start(ITaskOrchestrator orchestrator, MotionWorkflowInput input) =>
        Interact(() => Result = RunAsync(orchestrator, input));

    public void Raise(string eventName, object payload) => Interact(() =>
    {
        var json = System.Text.Json.JsonSerializer.Serialize(payload, Durable.DurableRegistration.JsonOptions);
        if (_waiting.Remove(eventName, out var waiter))
        {
            waiter.Source.SetResult(System.Text.Json.JsonSerializer.Deserialize(json, waiter.Type, Durable.DurableRegistration.JsonOptions));
            return;
        }
        if (!_buffered.TryGetValue(eventName, out var queue))
        {
            _buffered[eventName] = queue = new Queue<string>();
        }
        queue.Enqueue(json);
    });

    public void Advance(TimeSpan by) => AdvanceTo(Now + by);

    /// <summary>Moves the clock, firing each due timer in order at its own time.</summary>
    public void AdvanceTo(DateTime until)
    {
        while (_timers.Where(t => !t.Source.Task.IsCompleted && t.FireAt <= until).MinBy(t => t.FireAt) is { } due)
        {
            Interact(() =>
            {
                Now = due.FireAt > Now ? due.FireAt : Now;
                due.Source.TrySetResult();
            });
        }
        Now = until > Now ? until : Now;
    }

    /// <summary>Fires the next timer <paramref name="by"/> before its time, as the storage provider may.</summary>
    public DateTime FireNextEarly(TimeSpan by)
    {
        var next = _timers.Where(t => !t.Source.Task.IsCompleted).MinBy(t => t.FireAt) ?? throw new InvalidOperationException("No timer is set.");
        Interact(() =>
        {
            Now = next.FireAt - by;
            next.Source.TrySetResult();
        });
        return next.FireAt;
    }

    private async Task<string> RunAsync(ITaskOrchestrator orchestrator, MotionWorkflowInput input) =>
        (string)(await orchestrator.RunAsync(new Context(this), input))!;

    private void Interact(Action action)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_sync);
        try
        {
            action();
            _sync.RunAll();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (Result is { IsFaulted: true } failed)
        {
            throw new InvalidOperationException("The orchestrator failed.", failed.Exception);
        }
    }

    private sealed record Timer(DateTime FireAt, TaskCompletionSource Source);

    /// <summary>Runs the orchestrator's continuations on the test's thread, one after the other, like the engine's replay thread.</summary>
    private sealed class QueueContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();

        public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

        public void RunAll()
        {
            while (_work.TryDequeue(out var next))
            {
                next.Callback(next.State);
            }
        }
    }

    private sealed class Context(FakeOrchestration engine) : TaskOrchestrationContext
    {
        public override TaskName Name => "Ratsbeschluss";
        public override string InstanceId => "m-test";
        public override ParentOrchestrationInstance? Parent => null;
        public override DateTime CurrentUtcDateTime => engine.Now;
        public override bool IsReplaying => false;
        protected override ILoggerFactory LoggerFactory => NullLoggerFactory.Instance;

        public override T? GetInput<T>() where T : default => throw new NotSupportedException();

        public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
        {
            var envelope = input!.GetType().GetProperty(nameof(StepInput<object>.Value))!.GetValue(input);
            var id = (WorkflowStep)input.GetType().GetProperty(nameof(StepInput<object>.Step))!.GetValue(input)!;
            engine.Calls.Add((name.Name, envelope, id));
            if (engine._failures.TryGetValue(name.Name, out var left) && left > 0)
            {
                engine._failures[name.Name] = left - 1;
                return Task.FromException<TResult>(new TaskFailedException(name.Name, engine.Calls.Count,
                    new TaskFailureDetails("EmailDeliveryException", "SMTP nicht erreichbar", null, null, null)));
            }
            if (engine._deferred.Remove(name.Name))
            {
                var running = new TaskCompletionSource<TResult>();
                engine._held[name.Name] = result => running.SetResult((TResult)result!);
                return running.Task;
            }
            return Task.FromResult(engine._steps.TryGetValue(name.Name, out var answer) ? (TResult)answer(input)! : default!);
        }

        public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
        {
            var timer = new Timer(fireAt, new TaskCompletionSource());
            cancellationToken.Register(() => timer.Source.TrySetCanceled(cancellationToken));
            engine._timers.Add(timer);
            return timer.Source.Task;
        }

        public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
        {
            if (engine._buffered.TryGetValue(eventName, out var queue) && queue.TryDequeue(out var json))
            {
                return Task.FromResult(System.Text.Json.JsonSerializer.Deserialize<T>(json, Durable.DurableRegistration.JsonOptions)!);
            }
            if (engine._waiting.ContainsKey(eventName))
            {
                throw new InvalidOperationException($"A second waiter for {eventName}: the engine would give events to the newest one only.");
            }
            var source = new TaskCompletionSource<object?>();
            engine._waiting[eventName] = (typeof(T), source);
            return source.Task.ContinueWith(t => (T)t.Result!, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => engine.ContinuedWith = newInput;

        public override Guid NewGuid() => new(engine._guids++, 0, 0, new byte[8]);

        public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

        public override void SetCustomStatus(object? customStatus) => throw new NotSupportedException();

        public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
            throw new NotSupportedException();
    }
}
