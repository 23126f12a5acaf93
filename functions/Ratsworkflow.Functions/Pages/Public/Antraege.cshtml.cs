using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Pages.Public;

/// <summary>
/// <c>/antraege</c>: every registered motion, newest first, for everyone. Filters by stage and words of the title or
/// the reference; pages through the dashboard index. Unconfirmed motions are not binding and never show.
/// </summary>
public sealed class AntraegeModel(MotionIndex index, OrganizationStore organizations) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The stages a citizen can filter by: not the ones before registration or a failure.</summary>
    public static readonly MotionStage[] PublicStages =
        [MotionStage.Registered, MotionStage.BeiratReview, MotionStage.Consultation, MotionStage.Council, MotionStage.Decided, MotionStage.Withdrawn];

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Suche", Description = "Ein Wort oder Wortteil aus dem Titel oder das Aktenzeichen, zum Beispiel „Fahrrad“ oder 0042.")]
    [StringLength(100)]
    public string? Suche { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "Phase")]
    public string? Phase { get; set; }

    /// <summary>The index's continuation token of this page (none on the first).</summary>
    [BindProperty(SupportsGet = true, Name = "weiter")]
    public string? Continuation { get; set; }

    public IReadOnlyList<MotionListItem> Items { get; private set; } = [];

    public string? NextPage { get; private set; }

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<SelectListItem> Stages { get; } =
        PublicStages.Select(s => new SelectListItem(MotionStages.Label(s), s.ToString())).ToList();

    public bool Filtered => Phase is { Length: > 0 } || Suche is { Length: > 0 };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        MotionStage? stage = Phase is { Length: > 0 } s && Enum.TryParse<MotionStage>(s, out var parsed) && PublicStages.Contains(parsed)
            ? parsed
            : null;
        if (Phase is { Length: > 0 } && stage is null)
        {
            ModelState.AddModelError(nameof(Phase), "Wählen Sie eine Phase aus der Liste.");
        }
        // The index lists unconfirmed submissions too; only a registered motion (it has its reference) is public.
        // Each further read asks for exactly the rows still missing, so the continuation never skips one.
        var items = new List<MotionListItem>();
        var continuation = Continuation;
        for (var read = 0; read < 5 && items.Count < PageSize; read++)
        {
            var page = await index.PageAsync(new MotionQuery(Stage: stage, Search: ModelState.IsValid ? Suche?.Trim() : null,
                Continuation: continuation, PageSize: PageSize - items.Count), cancellationToken);
            items.AddRange(page.Items.Where(i => i.Reference is { Length: > 0 } && i.Stage != MotionStage.AwaitingConfirmation));
            continuation = page.Continuation;
            if (continuation is null)
            {
                break;
            }
        }
        Items = items;
        NextPage = continuation is { } next ? Url.Page("/Public/Antraege", new { Phase, Suche, weiter = next }) : null;
        return Page();
    }
}
