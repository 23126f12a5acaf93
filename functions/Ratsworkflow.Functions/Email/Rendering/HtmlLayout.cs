using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// Plain, accessible HTML: one column, real headings, a data table for the facts, a link that says where it leads,
/// its address again as text, no images or external resources; styles inline because mail clients drop style sheets.
/// Every value passes through <see cref="Encode"/>, template text included, so user input can never become markup.
/// </summary>
internal static class HtmlLayout
{
    // Letters stay readable (ä, ß, „ “); markup characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Body = "margin:0;padding:16px;background:#ffffff;color:#1a1a1a;" +
        "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;";
    private const string Cell = "padding:4px 16px 4px 0;text-align:left;vertical-align:top;";
    // White on #0b4f8a has a contrast of 8:1 (WCAG AA asks 4.5:1); underlined so it reads as a link without colour.
    private const string Button = "display:inline-block;padding:10px 18px;background:#0b4f8a;color:#ffffff;" +
        "font-weight:bold;text-decoration:underline;border-radius:4px;";
    private const string Small = "font-size:14px;color:#4a4a4a;";

    public static string Render(MailView view)
    {
        var content = view.Content;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>").Append(Encode(view.Subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"").Append(Body).Append("\">\n<div style=\"max-width:40em;\">\n")
            .Append("<h1 style=\"font-size:22px;margin:0 0 16px;\">").Append(Encode(content.Heading)).Append("</h1>\n")
            .Append(Paragraph(content.Greeting));
        foreach (var paragraph in content.Happened)
        {
            html.Append(Paragraph(paragraph));
        }
        if (view.Facts.Count > 0)
        {
            html.Append("<table style=\"border-collapse:collapse;margin:16px 0;\">\n");
            foreach (var fact in view.Facts)
            {
                html.Append("<tr><th scope=\"row\" style=\"").Append(Cell).Append("\">").Append(Encode(fact.Label))
                    .Append("</th><td style=\"").Append(Cell).Append("\">").Append(Encode(fact.Value)).Append("</td></tr>\n");
            }
            html.Append("</table>\n");
        }
        html.Append("<h2 style=\"font-size:18px;margin:24px 0 8px;\">Wie geht es weiter?</h2>\n");
        foreach (var paragraph in content.Next)
        {
            html.Append(Paragraph(paragraph));
        }
        var url = Encode(view.LinkUrl);
        html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(url).Append("\" style=\"").Append(Button).Append("\">")
            .Append(Encode(view.LinkLabel)).Append("</a></p>\n")
            .Append("<p style=\"").Append(Small).Append("\">Falls der Link nicht funktioniert, kopieren Sie diese Adresse in Ihren Browser:<br />")
            .Append(url).Append("</p>\n")
            .Append("<hr style=\"border:none;border-top:1px solid #cccccc;margin:24px 0;\" />\n")
            .Append("<p style=\"").Append(Small).Append("\">").Append(Encode(TextLayout.Footer)).Append("</p>\n")
            .Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Paragraph(string text) => "<p style=\"margin:0 0 12px;\">" + Encode(text) + "</p>\n";

    /// <summary>HTML-encodes and keeps the writer's line breaks (resolution texts have paragraphs).</summary>
    private static string Encode(string text) =>
        string.Join("<br />", text.ReplaceLineEndings("\n").Split('\n').Select(line => Encoder.Encode(line)));
}
