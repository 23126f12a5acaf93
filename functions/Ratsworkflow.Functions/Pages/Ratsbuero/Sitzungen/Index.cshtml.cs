using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Sitzungen;

/// <summary>
/// <c>/ratsbuero/sitzungen?gremium=…</c>: one body's meetings with their number of TOPs (one read of the body's
/// partition), and the form that plans a new one.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IndexModel(MeetingStore store, MeetingService meetings, OrganizationStore organizations, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "gremium")]
    public string? OrganizationId { get; set; }

    [BindProperty]
    public NewMeetingInput Input { get; set; } = new();

    public OrganizationCatalog Catalog { get; private set; } = null!;

    public IReadOnlyList<Organization> Bodies { get; private set; } = [];

    public Organization Body { get; private set; } = null!;

    public IReadOnlyList<Agenda> Upcoming { get; private set; } = [];

    public IReadOnlyList<Agenda> Past { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public IReadOnlyList<SelectListItem> BodyItems => [.. Bodies.Select(b => new SelectListItem(b.Name, b.Id))];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        Input = new NewMeetingInput { OrganizationId = Body.Id, StartTime = "17:00" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        OrganizationId = Input.OrganizationId;
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await meetings.CreateAsync(new CreateMeetingRequest(Input.OrganizationId, Input.Date, Input.StartTime, Input.Place),
            cancellationToken);
        if (outcome.Succeeded)
        {
            TempData["Notice"] = $"Die Sitzung {MeetingTexts.When(outcome.Value!)} ist angelegt. Setzen Sie jetzt Anträge auf die Tagesordnung.";
            return RedirectToPage("Sitzung", new { meetingId = outcome.Value!.Id });
        }
        PageErrors.Show(ModelState, outcome, field => field switch
        {
            "organizationId" => "Input.OrganizationId",
            "date" => "Input.Date",
            "startTime" => "Input.StartTime",
            "place" => "Input.Place",
            _ => null,
        });
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Catalog = await organizations.GetCatalogAsync(cancellationToken);
        Bodies = [.. Catalog.Organizations.Where(o => o.Kind is OrganizationKind.Committee or OrganizationKind.Council)];
        if ((OrganizationId is null ? (Bodies.Count > 0 ? Bodies[0] : null) : Bodies.FirstOrDefault(b => b.Id == OrganizationId)) is not { } body)
        {
            return false;
        }
        Body = body;
        Today = Catalog.Body.Today(clock.GetUtcNow());
        var agendas = await store.AgendasAsync(body.Id, cancellationToken);
        Upcoming = [.. agendas.Where(a => a.Meeting.Date >= Today)];
        Past = [.. agendas.Where(a => a.Meeting.Date < Today).Reverse()];
        return true;
    }
}

public sealed class NewMeetingInput
{
    [Display(Name = "Gremium")]
    [Required(ErrorMessage = "Wählen Sie das Gremium.")]
    public string? OrganizationId { get; set; }

    [Display(Name = "Sitzungstag")]
    [Required(ErrorMessage = "Geben Sie den Tag der Sitzung an.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Beginn", Description = "Uhrzeit, zum Beispiel 17:00")]
    public string? StartTime { get; set; }

    [Display(Name = "Sitzungsort", Description = "Zum Beispiel: Ratssaal, Neues Rathaus")]
    [StringLength(MeetingInput.MaxPlace)]
    public string? Place { get; set; }
}
