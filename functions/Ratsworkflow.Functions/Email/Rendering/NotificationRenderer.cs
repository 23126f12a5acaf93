namespace Ratsworkflow.Functions.Email;

/// <summary>Turns a <see cref="Notification"/> into subject, HTML and plain text, with absolute links.</summary>
public sealed class NotificationRenderer
{
    public const string PublicBaseUrlKey = "App:PublicBaseUrl";
    public const string DefaultPublicBaseUrl = "http://localhost:7071";

    private readonly string _baseUrl;

    public NotificationRenderer(Uri publicBaseUrl)
    {
        if (!publicBaseUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"{PublicBaseUrlKey} must be absolute, not '{publicBaseUrl}'.", nameof(publicBaseUrl));
        }
        // Concatenated, not combined as URIs: a base with a path (https://host/rat) must keep it.
        _baseUrl = publicBaseUrl.AbsoluteUri.TrimEnd('/');
    }

    public RenderedEmail Render(Notification notification)
    {
        var content = notification.Compose();
        var motion = (notification as MotionNotification)?.Motion;
        var facts = MotionFacts(motion).Concat(content.Facts).ToList();
        var view = new MailView(Subject(content.Heading, motion), content, facts, notification.Link.Label, _baseUrl + notification.Link.Path);
        return new RenderedEmail(view.Subject, HtmlLayout.Render(view), TextLayout.Render(view));
    }

    /// <summary>"[A/2026/0042] Antrag registriert: Title": the reference first, so an inbox sorts and finds by it.</summary>
    private static string Subject(string heading, MotionSummary? motion)
    {
        var subject = motion is null ? heading : $"{heading}: {motion.Title}";
        if (motion?.Reference is { } reference)
        {
            subject = $"[{reference}] {subject}";
        }
        // A line break in a user's title must not become a header break.
        return string.Join(' ', subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static IReadOnlyList<MailFact> MotionFacts(MotionSummary? motion) => motion is null
        ? []
        : MailFact.Of(("Aktenzeichen", motion.Reference), ("Titel", motion.Title), ("Fraktion", motion.FactionName));
}
