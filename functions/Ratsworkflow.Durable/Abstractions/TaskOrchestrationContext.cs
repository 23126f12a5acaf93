using Microsoft.Extensions.Logging;

namespace Ratsworkflow.Durable;

/// <summary>What an orchestrator may do; named after Microsoft.DurableTask's context.</summary>
public abstract class TaskOrchestrationContext
{
    public abstract string Name { get; }
    public abstract string InstanceId { get; }
    public abstract string Version { get; }

    /// <summary>The time of the current step, recorded in history: the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the code re-runs steps that already happened; log and measure only when false.</summary>
    public abstract bool IsReplaying { get; }

    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime + delay, cancellationToken);

    /// <summary>Waits for an event by name (case-insensitive); events that arrived earlier are buffered in order.</summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>As above, but throws <see cref="TaskCanceledException"/> when <paramref name="timeout"/> passes first.</summary>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var received = WaitForExternalEvent<T>(eventName, race.Token);
        var timer = CreateTimer(CurrentUtcDateTime + timeout, race.Token);
        var first = await Task.WhenAny(received, timer);
        // Synchronous on purpose: CancelAsync would run the callbacks on the thread pool, outside the replay.
#pragma warning disable CA1849
        race.Cancel();
#pragma warning restore CA1849
        if (first == received)
        {
            return await received;
        }
        cancellationToken.ThrowIfCancellationRequested();
        throw new TaskCanceledException($"Event '{eventName}' did not arrive within {timeout}.");
    }

    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Restarts the instance with fresh history; events not yet consumed are carried over by default.</summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay.</summary>
    public abstract Guid NewGuid();

    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    public ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T).FullName ?? typeof(T).Name);
}
