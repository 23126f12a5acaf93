using System.Text;
using System.Text.Encodings.Web;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// The motion as a self-contained HTML document, the OParl File of its Paper: what the faction submitted (title,
/// Beschlussvorschlag with every amendment, Begründung, financial impact) and what became of it. Never the submitter.
/// </summary>
public static class MotionDocument
{
    public static string Render(MotionRecord record, OrganizationCatalog catalog)
    {
        var motion = PublicMotion.From(record);
        var html = new StringBuilder();
        string E(string text) => HtmlEncoder.Default.Encode(text);
        string Paragraphs(string text) => string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + E(p).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>\n"));

        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>Antrag ").Append(E(motion.Reference)).Append(": ").Append(E(motion.Title)).Append("</title>\n</head>\n<body>\n")
            .Append("<header>\n<p>").Append(E(catalog.Body.Name)).Append(" – Antrag ").Append(E(motion.Reference)).Append("</p>\n")
            .Append("<h1>").Append(E(motion.Title)).Append("</h1>\n<dl>\n")
            .Append("<dt>Antragsteller</dt><dd>").Append(E(catalog.NameOf(motion.FactionId))).Append("</dd>\n")
            .Append("<dt>Eingegangen am</dt><dd>").Append(E(GermanFormat.Date(motion.RegisteredAt))).Append("</dd>\n")
            .Append("<dt>Stand</dt><dd>").Append(E(MotionStages.Label(motion.Stage))).Append("</dd>\n");
        if (motion.WithdrawnAt is { } withdrawn)
        {
            html.Append("<dt>Zurückgezogen am</dt><dd>").Append(E(GermanFormat.Date(withdrawn))).Append("</dd>\n");
        }
        html.Append("</dl>\n</header>\n<main>\n<h2>Beschlussvorschlag</h2>\n")
            .Append(Paragraphs(record.ResolutionTexts.Count > 0 ? record.ResolutionTexts[^1].Text : record.ResolutionText));
        foreach (var version in record.ResolutionTexts.Where(v => v.AmendedBy is not null).Reverse())
        {
            html.Append("<p><em>Fassung ").Append(version.Version).Append(", geändert durch ")
                .Append(E(catalog.Phrase(version.AmendedBy!).Accusative))
                .Append(version.MeetingDate is { } date ? " am " + E(GermanFormat.Date(date)) : "").Append(".</em></p>\n");
        }
        if (record.ResolutionTexts.Count > 1)
        {
            html.Append("<h3>Ursprünglicher Beschlussvorschlag</h3>\n").Append(Paragraphs(record.ResolutionTexts[0].Text));
        }
        html.Append("<h2>Begründung</h2>\n").Append(Paragraphs(record.Justification));
        if (record.FinancialImpact is { Length: > 0 } impact)
        {
            html.Append("<h2>Finanzielle Auswirkungen</h2>\n").Append(Paragraphs(impact));
        }
        html.Append("<h2>Beratungsfolge</h2>\n<ol>\n");
        foreach (var entry in PaperModel.Entries(motion))
        {
            html.Append("<li>").Append(E(catalog.NameOf(entry.OrganizationId)));
            if (entry.IsBeirat)
            {
                var votes = motion.Beirat!.Votes;
                html.Append(" (Empfehlung, Abstimmung bis ").Append(E(GermanFormat.DateTime(motion.Beirat.Deadline))).Append("; Ja ")
                    .Append(votes.Yes).Append(", Nein ").Append(votes.No).Append(", Enthaltung ").Append(votes.Abstain).Append(')');
            }
            else if (entry.Step!.MeetingDate is { } date)
            {
                html.Append(", Sitzung am ").Append(E(GermanFormat.Date(date)));
            }
            if (PaperModel.Result(entry) is { } result)
            {
                html.Append(": ").Append(E(result));
            }
            html.Append("</li>\n");
        }
        return html.Append("</ol>\n</main>\n</body>\n</html>\n").ToString();
    }
}
