using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Clerks;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary>
/// <c>/ratsbuero</c>: every motion with where it stands, where it lies, its next meeting and TOP, whom it waits for
/// and until when, in one of four orders. Each list is one index partition read page by page (<see cref="MotionIndex"/>),
/// the numbers are counter rows (<see cref="MotionCounts"/>) and the TOPs come from the agendas of the meetings on the
/// page (<see cref="Meetings.AgendaNumbers"/>), so a page costs the same with a hundred or a hundred thousand motions.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(MotionIndex index, OrganizationStore organizations, Meetings.AgendaNumbers numbers) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Stand")]
    public MotionStage? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Fraktion")]
    public string? FactionId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Liegt bei")]
    public string? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Nur überfällige Anträge")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Suche", Description = "Titelwörter, Wortteile (ab drei Zeichen) oder Aktenzeichen")]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Sortieren nach")]
    public MotionSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Continuation { get; set; }

    public MotionFilter Filter => new(Stage, FactionId, Overdue, Q, OrganizationId, Sort);

    /// <summary>The TOP of each listed motion that is on an agenda.</summary>
    public IReadOnlyDictionary<string, int> Numbers { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<SelectListItem> Bodies { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Sorts { get; } =
    [
        new("Eingang, neueste zuerst", nameof(MotionSort.Newest)),
        new("Eingang, älteste zuerst", nameof(MotionSort.Oldest)),
        new("Nächste Sitzung", nameof(MotionSort.Meeting)),
        new("Beschluss, neueste zuerst", nameof(MotionSort.Decision)),
    ];

    /// <summary>For a column's <c>aria-sort</c>: how the list is sorted by it, or null.</summary>
    public string? AriaSort(MotionSort column) => (Sort, column) switch
    {
        (MotionSort.Newest, MotionSort.Newest) or (MotionSort.Decision, MotionSort.Decision) => "descending",
        (MotionSort.Oldest, MotionSort.Newest) or (MotionSort.Meeting, MotionSort.Meeting) => "ascending",
        _ => null,
    };

    public IReadOnlyList<MotionListItem> Items { get; private set; } = [];

    /// <summary>The continuation of the next page; null on the last.</summary>
    public string? Next { get; private set; }

    public IReadOnlyList<(MotionStage Stage, int Count)> Counts { get; private set; } = [];

    public int OverdueCount { get; private set; }

    public IReadOnlyList<SelectListItem> Stages { get; } =
        Enum.GetValues<MotionStage>().Select(s => new SelectListItem(MotionStages.Label(s), s.ToString())).ToList();

    public IReadOnlyList<SelectListItem> Factions { get; private set; } = [];

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        Factions = Catalog.OfKind(OrganizationKind.Faction).Select(o => new SelectListItem(o.Name, o.Id)).ToList();
        Bodies = Catalog.Organizations.Where(o => o.Kind != OrganizationKind.Faction).Select(o => new SelectListItem(o.Name, o.Id)).ToList();
        var page = index.PageAsync(Filter.ToQuery(Continuation, PageSize), cancellationToken);
        var counts = index.Counts.ReadAsync(cancellationToken);
        await Task.WhenAll(page, counts);
        (Items, Next) = (page.Result.Items, page.Result.Continuation);
        Numbers = await numbers.OfAsync(Items, cancellationToken);
        // A counter can be briefly off after a crash (see MotionCounts); never show a negative number.
        int Count(string partition) => Math.Max(0, counts.Result.GetValueOrDefault(partition));
        Counts = Enum.GetValues<MotionStage>().Select(s => (s, Count(MotionIndex.StagePartition(s)))).ToList();
        OverdueCount = Count(MotionIndex.OverduePartition);
    }
}
