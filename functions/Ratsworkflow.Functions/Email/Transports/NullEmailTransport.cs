namespace Ratsworkflow.Functions.Email;

/// <summary>Counts and discards (<c>Email:Provider=Null</c>): benchmarks measure the workflow, not a mail server.</summary>
public sealed class NullEmailTransport : IEmailTransport
{
    private long _sent;

    public long SentCount => Interlocked.Read(ref _sent);

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sent);
        return Task.CompletedTask;
    }
}
