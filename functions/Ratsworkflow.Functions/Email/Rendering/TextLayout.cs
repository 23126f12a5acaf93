using System.Text;

namespace Ratsworkflow.Functions.Email;

/// <summary>The plain-text part: the same content as the HTML, for text-only clients and screen readers that prefer it.</summary>
internal static class TextLayout
{
    public const string Footer =
        "Diese Nachricht wurde automatisch vom Ratsworkflow versandt. Bitte antworten Sie nicht auf diese E-Mail; " +
        "bei Fragen wenden Sie sich an das Ratsbüro.";

    public static string Render(MailView view)
    {
        var content = view.Content;
        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Happened)
        {
            text.Append(paragraph).Append("\n\n");
        }
        foreach (var fact in view.Facts)
        {
            // Continuation lines are indented under their label, so a multi-line resolution text stays one fact.
            text.Append(fact.Label).Append(": ").Append(fact.Value.ReplaceLineEndings("\n  ")).Append('\n');
        }
        text.Append("\nWie geht es weiter?\n");
        foreach (var paragraph in content.Next)
        {
            text.Append(paragraph).Append('\n');
        }
        text.Append('\n').Append(view.LinkLabel).Append(":\n").Append(view.LinkUrl).Append("\n\n")
            .Append("-- \n").Append(Footer).Append('\n');
        return text.ToString();
    }
}
