namespace Ratsworkflow.Functions.Email;

public sealed record RenderedEmail(string Subject, string HtmlBody, string TextBody);

/// <summary>Everything a layout shows, already complete: the layouts only format.</summary>
internal sealed record MailView(
    string Subject, MailContent Content, IReadOnlyList<MailFact> Facts, string LinkLabel, string LinkUrl);
