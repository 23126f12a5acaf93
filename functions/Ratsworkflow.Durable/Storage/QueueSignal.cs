namespace Ratsworkflow.Durable.Storage;

/// <summary>
/// "This process just put a message on the queue": ends the local poller's back-off sleep at once, so work this
/// process creates for itself does not wait up to the maximum polling interval. Messages from other processes are
/// still found by polling. Signals are not counted: whatever was sent before one is seen by the next receive.
/// </summary>
internal sealed class QueueSignal
{
    private TaskCompletionSource _next = NewSource();

    public void Set() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Sleeps up to <paramref name="timeout"/>; true when a signal ended the sleep early (or came while busy).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var signal = Volatile.Read(ref _next);
        try
        {
            await signal.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
        // Consumed: a later Set wakes the next sleep. A Set racing this swap is covered by the receive that follows.
        Interlocked.CompareExchange(ref _next, NewSource(), signal);
        return true;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
