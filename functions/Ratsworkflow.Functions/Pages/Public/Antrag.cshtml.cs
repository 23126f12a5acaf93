using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.OParl;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Pages.Public;

/// <summary>
/// <c>/antraege/{id}</c>: one motion for everyone — its texts, its Beratungsfolge with results and vote counts, the
/// Beirat's result as counts. Nothing personal: no submitter, no addresses, no member's vote, no internal timeline.
/// </summary>
public sealed class AntragModel(OParlService service, OrganizationStore organizations) : PageModel
{
    public MotionRecord Record { get; private set; } = null!;

    public PublicMotion Motion { get; private set; } = null!;

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<ConsultationEntry> Entries { get; private set; } = [];

    /// <summary>Its Anlagen, each a public download (<c>/antraege/{id}/anlagen/{n}</c>).</summary>
    public AttachmentList Attachments => new(Record.Attachments, $"/antraege/{Record.MotionId}/anlagen/");

    public string CurrentText => Record.ResolutionTexts.Count > 0 ? Record.ResolutionTexts[^1].Text : Record.ResolutionText;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await service.PublicRecordAsync(id, cancellationToken) is not { } record)
        {
            return NotFound();
        }
        Record = record;
        Motion = PublicMotion.From(record);
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        Entries = PaperModel.Entries(Motion);
        return Page();
    }

    /// <summary>Paragraphs (split at blank lines), each a list of lines.</summary>
    public static IEnumerable<string[]> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('\n'));

    /// <summary>An entry per meeting: a consultation that was postponed shows those meetings before its current one.</summary>
    public static IEnumerable<ConsultationEntry> Sessions(ConsultationEntry entry) =>
        entry.IsBeirat ? [entry] : entry.Step!.Sessions().Select(session => entry with { Step = session });

    public static string Outcome(ConsultationEntry entry) =>
        PaperModel.Result(entry) ?? (entry.Step?.MeetingDate is null ? "noch nicht terminiert" : "offen");

    public static string BeiratOutcome(Beirat.BeiratOutcome outcome) => outcome switch
    {
        Beirat.BeiratOutcome.Recommends => "Der Beirat empfiehlt den Antrag.",
        Beirat.BeiratOutcome.Rejects => "Der Beirat empfiehlt, den Antrag abzulehnen.",
        Beirat.BeiratOutcome.None => "Der Beirat war nicht beschlussfähig und gibt keine Empfehlung.",
        _ => "Die Abstimmung im Beirat läuft.",
    };

    public static string Decision(ConsultationOutcome outcome) => ConsultationOutcomes.DisplayName(outcome, byCouncil: true);
}
