using System.Collections.Concurrent;
using Ratsworkflow.Functions.Email;

namespace Ratsworkflow.Functions.Tests.Email;

/// <summary>A provider stand-in that remembers what it delivered, optionally slow or failing at first.</summary>
internal sealed class RecordingTransport : IEmailTransport
{
    private int _attempts;
    private int _failuresLeft;

    public RecordingTransport(int failFirst = 0, TimeSpan delay = default)
    {
        _failuresLeft = failFirst;
        Delay = delay;
    }

    public TimeSpan Delay { get; }
    public ConcurrentQueue<EmailMessage> Delivered { get; } = new();
    public int Attempts => Volatile.Read(ref _attempts);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new EmailDeliveryException("simulated outage");
        }
        Delivered.Enqueue(message);
    }
}
