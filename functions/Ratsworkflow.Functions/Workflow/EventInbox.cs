using Microsoft.DurableTask;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// One outstanding wait for the next event of a name, kept across timer wake-ups. A wait is never cancelled: the engine
/// hands an event to the newest waiter, and a cancelled one would swallow it.
/// </summary>
public sealed class EventInbox<T>(TaskOrchestrationContext context, string eventName)
{
    private Task<T>? _next;

    public Task<T> Next => _next ??= context.WaitForExternalEvent<T>(eventName);

    /// <summary>The event that <see cref="Next"/> delivered; the following wait starts fresh.</summary>
    public T Take()
    {
        var delivered = (_next ?? throw new InvalidOperationException("No event was awaited.")).Result;
        _next = null;
        return delivered;
    }

    /// <summary>Every event that has arrived and not been taken: delivered and buffered ones, without waiting.</summary>
    public IReadOnlyList<T> TakeArrived()
    {
        var arrived = new List<T>();
        while (Next.IsCompleted)
        {
            arrived.Add(Take());
        }
        return arrived;
    }
}

/// <summary>The "Command" events, read as typed commands: the one place the orchestrator unwraps <see cref="CommandEnvelope"/>.</summary>
public sealed class CommandInbox(TaskOrchestrationContext context)
{
    private readonly EventInbox<CommandEnvelope> _events = new(context, CommandEnvelope.EventName);

    /// <summary>Completes when a command has arrived; <see cref="Take"/> reads it.</summary>
    public Task Next => _events.Next;

    public MotionCommand Take() => _events.Take().ToCommand();

    /// <summary>Every command that has arrived and not been taken, without waiting.</summary>
    public IReadOnlyList<MotionCommand> TakeArrived() => [.. _events.TakeArrived().Select(e => e.ToCommand())];
}
