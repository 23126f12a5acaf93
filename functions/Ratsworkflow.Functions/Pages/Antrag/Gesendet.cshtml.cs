using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary><c>/antrag/gesendet?fraktion=…</c>: what happens after sending the form (the faction confirms by mail).</summary>
public sealed class GesendetModel(OrganizationStore organizations, IOptions<WorkflowOptions> workflow) : PageModel
{
    /// <summary>The faction, or null when the address was opened without a known one.</summary>
    public Wording.OrganizationName? Faction { get; private set; }

    /// <summary>"7 Tage", "1 Tag": how long the confirmation link works, rounded up to whole days.</summary>
    public string LinkValidity => Wording.GermanText.Days((int)Math.Ceiling(workflow.Value.ConfirmationExpiry.TotalDays));

    public async Task OnGetAsync(string? fraktion, CancellationToken cancellationToken)
    {
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        Faction = catalog.Find(fraktion) is { Kind: OrganizationKind.Faction } faction ? faction.Phrase : null;
    }
}
