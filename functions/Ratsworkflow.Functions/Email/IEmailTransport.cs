namespace Ratsworkflow.Functions.Email;

/// <summary>
/// Delivers one <see cref="EmailMessage"/>. The registered instance is the idempotent decorator
/// (<see cref="IdempotentEmailTransport"/>) in front of the configured provider, so callers never send a key twice.
/// </summary>
public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
