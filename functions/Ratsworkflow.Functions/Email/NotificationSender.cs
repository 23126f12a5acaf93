namespace Ratsworkflow.Functions.Email;

/// <summary>
/// What activities call: renders a <see cref="Notification"/> and sends it, one mail per recipient. Separate mails
/// keep Beirat members' and clerks' addresses from each other, and give each recipient its own idempotency key, so a
/// retry after a partial failure sends only to those still missing.
/// </summary>
public sealed class NotificationSender(IEmailTransport transport, NotificationRenderer renderer)
{
    /// <param name="idempotencyKey">
    /// Stable across reruns of the same activity, e.g. derived from instance id and task id (docs/design.md §2).
    /// </param>
    public async Task SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (notification.To.Count == 0)
        {
            throw new ArgumentException($"{notification.GetType().Name} has no recipient.", nameof(notification));
        }
        var email = renderer.Render(notification);
        foreach (var recipient in notification.To.DistinctBy(to => to.Address.ToUpperInvariant()))
        {
            var key = $"{idempotencyKey}|{recipient.Address.ToUpperInvariant()}";
            await transport.SendAsync(new EmailMessage([recipient], email.Subject, email.HtmlBody, email.TextBody, key), cancellationToken);
        }
    }
}
