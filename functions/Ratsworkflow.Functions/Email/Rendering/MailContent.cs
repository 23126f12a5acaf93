namespace Ratsworkflow.Functions.Email;

/// <summary>
/// What one kind of mail says, as plain text: what happened, the facts, what comes next. Every mail has this shape
/// (docs/design.md §1), so one layout per format renders them all.
/// </summary>
internal sealed record MailContent(string Heading, IReadOnlyList<string> Happened, IReadOnlyList<string> Next)
{
    public string Greeting { get; init; } = "Guten Tag,";

    /// <summary>Shown after the motion's own facts (reference, title, faction).</summary>
    public IReadOnlyList<MailFact> Facts { get; init; } = [];
}

/// <summary>One labelled value; a value may span lines (e.g. a resolution text).</summary>
internal sealed record MailFact(string Label, string Value)
{
    /// <summary>The facts whose value is present, in order: optional fields simply drop out.</summary>
    public static IReadOnlyList<MailFact> Of(params (string Label, string? Value)[] facts) =>
        facts.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => new MailFact(f.Label, f.Value!)).ToList();
}
