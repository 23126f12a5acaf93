namespace Ratsworkflow.Durable.Execution;

/// <summary>
/// Runs every continuation of the orchestrator on the replaying thread, in order, so a replay makes the same
/// decisions as the first run. Nothing here touches the thread pool.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            _queue.Enqueue((d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    public void Drain()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) next;
            lock (_queue)
            {
                if (_queue.Count == 0)
                {
                    return;
                }
                next = _queue.Dequeue();
            }
            next.Callback(next.State);
        }
    }

    /// <summary>Runs <paramref name="action"/> with this context current, then everything it queued.</summary>
    public void Run(Action action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            action();
            Drain();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
