namespace Ratsworkflow.Functions.Email;

/// <summary>
/// One email of the workflow (docs/design.md §1), typed per kind: the record holds what the mail needs, and
/// <see cref="Compose"/> says it in German. <see cref="NotificationRenderer"/> adds the motion's facts, the link and the
/// layout; <see cref="NotificationSender"/> renders and sends it.
/// </summary>
public abstract record Notification
{
    public required IReadOnlyList<Mailbox> To { get; init; }

    /// <summary>Where the reader acts next; the renderer makes it absolute with <c>App:PublicBaseUrl</c>.</summary>
    public required MailLink Link { get; init; }

    /// <summary>Plain text only: the renderer encodes everything, so no kind can forget to.</summary>
    internal abstract MailContent Compose();
}

/// <summary>A notification about one motion: its reference, title and faction head every such mail.</summary>
public abstract record MotionNotification : Notification
{
    public required MotionSummary Motion { get; init; }
}

/// <param name="Reference">Null until registration assigns it (e.g. <c>A/2026/0042</c>).</param>
public sealed record MotionSummary(string? Reference, string Title, string FactionName);
