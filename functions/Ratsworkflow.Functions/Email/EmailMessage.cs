namespace Ratsworkflow.Functions.Email;

/// <summary>
/// One rendered email, ready for a transport. <see cref="IdempotencyKey"/> identifies the notification, not the
/// attempt: a second send with the same key is a repeat (docs/design.md §2: activities run at least once).
/// </summary>
public sealed record EmailMessage
{
    public EmailMessage(IReadOnlyList<Mailbox> to, string subject, string htmlBody, string textBody, string idempotencyKey)
    {
        if (to.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient.", nameof(to));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        To = to;
        Subject = subject;
        HtmlBody = htmlBody;
        TextBody = textBody;
        IdempotencyKey = idempotencyKey;
    }

    public IReadOnlyList<Mailbox> To { get; }
    public string Subject { get; }
    public string HtmlBody { get; }
    public string TextBody { get; }
    public string IdempotencyKey { get; }
}
