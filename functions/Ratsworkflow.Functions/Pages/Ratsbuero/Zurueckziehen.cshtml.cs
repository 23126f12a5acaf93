using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Web;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Pages.Ratsbuero;

/// <summary><c>/ratsbuero/antraege/{motionId}/zurueckziehen</c>: a clerk withdraws a motion on the faction's request (GET asks,
/// POST does it).</summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ZurueckziehenModel(MotionStore motions, OrganizationStore organizations, CommandService commands) : PageModel
{
    public MotionDetails? Motion { get; private set; }

    public string? Refusal { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string motionId, CancellationToken cancellationToken) =>
        await LoadAsync(motionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string motionId, CancellationToken cancellationToken)
    {
        var outcome = await commands.WithdrawAsync(motionId, null, User.Identity?.Name ?? "Ratsbüro", cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = outcome.Kind == OutcomeKind.Accepted
                ? "Das Zurückziehen ist angenommen und wird noch bearbeitet."
                : "Der Antrag ist zurückgezogen. Fraktion, Ratsbüro und gegebenenfalls der Beirat werden per E-Mail informiert.";
            return RedirectToPage("/Ratsbuero/Antrag", new { motionId });
        }
        if (!await LoadAsync(motionId, cancellationToken))
        {
            return NotFound();
        }
        Refusal = outcome.Detail;
        Response.StatusCode = OutcomeHttp.Status(outcome.Kind);
        return Page();
    }

    private async Task<bool> LoadAsync(string motionId, CancellationToken cancellationToken)
    {
        if (await motions.GetAsync(motionId, cancellationToken) is not { } record)
        {
            return false;
        }
        Motion = new MotionDetails(record, await organizations.GetCatalogAsync(cancellationToken));
        return true;
    }
}
