using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Clerks;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using StageDisplay = Ratsworkflow.Functions.Web.MotionStages;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary>
/// <c>/ratsbuero</c>: every motion with where it stands, whom it waits for and until when. Each list is one index
/// partition read page by page (<see cref="MotionIndex"/>) and the numbers are counter rows (<see cref="MotionCounts"/>),
/// so a page costs the same with a hundred or a hundred thousand motions.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(MotionIndex index, OrganizationStore organizations) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Stand")]
    public MotionStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Fraktion")]
    public string? FactionId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Nur überfällige Anträge")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Suche", Description = "Titelwörter, Wortteile (ab drei Zeichen) oder Aktenzeichen")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public MotionFilter Filter => new(Stage, FactionId, Overdue, Q);

    public IReadOnlyList<MotionListItem> Items { get; private set; } = [];

    /// <summary>The continuation of the next page; null on the last.</summary>
    public string? Next { get; private set; }

    public IReadOnlyList<(MotionStage Stage, int Count)> Counts { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public IReadOnlyList<SelectListItem> Stages { get; } =
        Enum.GetValues<MotionStage>().Select(s => new SelectListItem(StageDisplay.For(s.ToString()).Label, s.ToString())).ToList();

    public IReadOnlyList<SelectListItem> Factions { get; private set; } = [];

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        Factions = Catalog.OfKind(OrganizationKind.Faction).Select(o => new SelectListItem(o.Name, o.Id)).ToList();
        var page = index.PageAsync(Filter.ToQuery(Continuation, PageSize), cancellationToken);
        var counts = index.Counts.ReadAsync(cancellationToken);
        await Task.WhenAll(page, counts);
        (Items, Next) = (page.Result.Items, page.Result.Continuation);
        // A counter can be briefly off after a crash (see MotionCounts); never show a negative number.
        int Count(string partition) => Math.Max(0, counts.Result.GetValueOrDefault(partition));
        Counts = Enum.GetValues<MotionStage>().Select(s => (s, Count(MotionIndex.StagePartition(s)))).ToList();
        OverdueCount = Count(MotionIndex.OverduePartition);
    }
}
