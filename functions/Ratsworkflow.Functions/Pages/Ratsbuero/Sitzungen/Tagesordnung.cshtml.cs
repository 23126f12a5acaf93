using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Sitzungen;

/// <summary>
/// <c>/ratsbuero/sitzungen/{meetingId}/tagesordnung</c>: the Tagesordnung to print (A4, the document only; see
/// <c>css/tagesordnung.css</c>). The same document is the download (<see cref="AgendaDownload"/>).
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TagesordnungModel(MeetingStore store, OrganizationStore organizations) : PageModel
{
    public Agenda Agenda { get; private set; } = null!;

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (await store.GetAgendaAsync(meetingId, cancellationToken) is not { } agenda)
        {
            return NotFound();
        }
        (Agenda, Catalog) = (agenda, await organizations.GetCatalogAsync(cancellationToken));
        return Page();
    }
}
