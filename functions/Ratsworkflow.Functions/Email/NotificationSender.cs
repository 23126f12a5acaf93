namespace Ratsworkflow.Functions.Email;

/// <summary>
/// What activities call: renders a <see cref="Notification"/> and sends it, one mail per recipient. Separate mails
/// keep Beirat members' and clerks' addresses from each other, and give each recipient its own idempotency key, so a
/// retry after a partial failure sends only to those still missing. The mails go out side by side (at most
/// <see cref="MaxAtOnce"/> at once): each is two ledger writes and a hand-over to the provider, and one after another
/// the 13 result mails of a Beirat vote kept the step waiting for 39 round trips.
/// </summary>
public sealed class NotificationSender(IEmailTransport transport, NotificationRenderer renderer)
{
    public const int MaxAtOnce = 8;

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
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxAtOnce, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(notification.To.DistinctBy(to => to.Address.ToUpperInvariant()), options,
            async (recipient, token) =>
            {
                var key = $"{idempotencyKey}|{recipient.Address.ToUpperInvariant()}";
                await transport.SendAsync(new EmailMessage([recipient], email.Subject, email.HtmlBody, email.TextBody, key), token);
            });
    }
}
