namespace Ratsworkflow.Functions.Email;

/// <summary>
/// The page a mail leads to, with its button text. Every path the mails use is here, in one place, to match the web
/// routes (docs/design.md §2 "Web"); a token is always the last path segment, the same string the API takes.
/// </summary>
public sealed record MailLink
{
    private MailLink(string path, string label)
    {
        Path = path;
        Label = label;
    }

    /// <summary>Relative to <c>App:PublicBaseUrl</c>, starting with '/'.</summary>
    public string Path { get; }

    public string Label { get; }

    /// <summary>The faction confirms a submission (to its registered address only).</summary>
    public static MailLink Confirmation(string motionId, string token) =>
        new($"/antrag/{Segment(motionId)}/bestaetigen/{Segment(token)}", "Antrag bestätigen");

    /// <summary>The faction's status page, with "zurückziehen"; in every faction mail.</summary>
    public static MailLink FactionStatus(string motionId, string token) =>
        new($"/antrag/{Segment(motionId)}/status/{Segment(token)}", "Antrag ansehen");

    /// <summary>A Beirat member's personal vote page (GET shows, POST votes).</summary>
    public static MailLink Vote(string voteToken) => new($"/votum/{Segment(voteToken)}", "Zur Abstimmung");

    /// <summary>The motion's page on the clerk dashboard (behind the clerk login).</summary>
    public static MailLink ClerkMotion(string motionId) =>
        new($"/ratsbuero/antraege/{Segment(motionId)}", "Antrag im Ratsbüro öffnen");

    /// <summary>A read-only page for readers without a token or login, e.g. a committee chair.</summary>
    public static MailLink PublicMotion(string motionId) => new($"/antraege/{Segment(motionId)}", "Antrag ansehen");

    public static MailLink ClerkSignIn(string token) => new($"/ratsbuero/anmelden/{Segment(token)}", "Jetzt anmelden");

    public static MailLink NewMotion() => new("/antrag/neu", "Antrag neu stellen");

    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }
}
