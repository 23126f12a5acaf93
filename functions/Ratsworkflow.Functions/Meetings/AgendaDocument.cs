using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// A meeting's Tagesordnung in the German layout (sender, body, day, start, place; TOP, Betreff, Drucksache; public
/// part, then non-public part; the results once recorded). <see cref="Article"/> is the document itself, shown by the
/// print page under the site's print styles; <see cref="Download"/> wraps it into a self-contained HTML file with its
/// styles inside, for the clerks to mail or archive (a PDF generator is not available here; every browser prints the
/// file to PDF on A4).
/// </summary>
public static class AgendaDocument
{
    public const string Stylesheet = "css/tagesordnung.css";

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Umlauts stay readable in the file; markup characters are encoded all the same.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string FileName(Agenda agenda) =>
        $"Tagesordnung-{agenda.Meeting.OrganizationId}-{agenda.Meeting.Date:yyyy-MM-dd}.html";

    /// <summary>The complete file: the article in an HTML document with the print styles inside.</summary>
    public static string Download(Agenda agenda, OrganizationCatalog catalog, string styles) => new StringBuilder()
        .Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n" +
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .Append("<title>").Append(E(Title(agenda, catalog))).Append("</title>\n<style>\n")
        .Append(styles).Append("\n</style>\n</head>\n<body>\n<main>\n")
        .Append(Article(agenda, catalog))
        .Append("</main>\n</body>\n</html>\n").ToString();

    public static string Title(Agenda agenda, OrganizationCatalog catalog) =>
        $"Tagesordnung: {catalog.NameOf(agenda.Meeting.OrganizationId)} am {MeetingTexts.Date(agenda.Meeting.Date)}";

    public static string Article(Agenda agenda, OrganizationCatalog catalog)
    {
        var meeting = agenda.Meeting;
        var html = new StringBuilder("<article class=\"tagesordnung\">\n<header class=\"tagesordnung__kopf\">\n");
        html.Append("<p class=\"tagesordnung__absender\">").Append(E(catalog.Body.Name)).Append(" · Ratsbüro / Sitzungsdienst</p>\n")
            .Append("<h1 class=\"tagesordnung__titel\">Tagesordnung</h1>\n")
            .Append("<p class=\"tagesordnung__gremium\">").Append(E(catalog.NameOf(meeting.OrganizationId))).Append("</p>\n")
            .Append("<dl class=\"tagesordnung__daten\">\n")
            .Append("<dt>Sitzungstag</dt><dd>").Append(E(meeting.Date.ToString("dddd, d. MMMM yyyy", German))).Append("</dd>\n")
            .Append("<dt>Beginn</dt><dd>")
            .Append(meeting.StartTime is { } time ? E(MeetingTexts.Time(time)) : "wird noch bekannt gegeben").Append("</dd>\n")
            .Append("<dt>Sitzungsort</dt><dd>").Append(E(meeting.Place ?? "wird noch bekannt gegeben")).Append("</dd>\n");
        if (meeting.State is MeetingState.Cancelled or MeetingState.Held)
        {
            html.Append("<dt>Stand</dt><dd><strong>Sitzung ").Append(E(MeetingStates.DisplayName(meeting.State))).Append("</strong></dd>\n");
        }
        html.Append("</dl>\n</header>\n");
        var withResults = agenda.Items.Any(i => i.Entry.HasResult);
        Part(html, "Öffentlicher Teil", agenda.PublicPart.ToList(), catalog, withResults);
        Part(html, "Nichtöffentlicher Teil", agenda.NonPublicPart.ToList(), catalog, withResults);
        return html.Append("</article>\n").ToString();
    }

    private static void Part(StringBuilder html, string heading, List<AgendaItem> items, OrganizationCatalog catalog, bool withResults)
    {
        html.Append("<section class=\"tagesordnung__teil\">\n<h2>").Append(E(heading)).Append("</h2>\n");
        if (items.Count == 0)
        {
            html.Append("<p>Keine Tagesordnungspunkte.</p>\n</section>\n");
            return;
        }
        html.Append("<table class=\"tagesordnung__tops\">\n<caption class=\"visually-hidden\">").Append(E(heading))
            .Append("</caption>\n<thead>\n<tr>")
            .Append("<th scope=\"col\">TOP</th><th scope=\"col\">Betreff</th><th scope=\"col\">Drucksache</th>")
            .Append(withResults ? "<th scope=\"col\">Ergebnis</th>" : "").Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var item in items)
        {
            var entry = item.Entry;
            html.Append("<tr><td class=\"tagesordnung__nummer\">").Append(item.Number.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                .Append("<th scope=\"row\">").Append(E(entry.Title))
                .Append("<span class=\"tagesordnung__hinweis\">Antrag: ").Append(E(catalog.NameOf(entry.FactionId))).Append("</span></th>")
                .Append("<td>").Append(E(entry.Reference)).Append("</td>");
            if (withResults)
            {
                html.Append("<td>").Append(entry.Outcome is { } outcome ? E(ConsultationOutcomes.DisplayName(outcome, entry.IsCouncil)) : "–")
                    .Append(entry.Votes is { } v ? $" <span class=\"tagesordnung__hinweis\">({VoteWording.Counts(v)})</span>" : "").Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string E(string text) => Encoder.Encode(text);
}
