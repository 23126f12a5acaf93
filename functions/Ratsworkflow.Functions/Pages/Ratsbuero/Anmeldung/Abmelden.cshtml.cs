using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Security;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Anmeldung;

/// <summary><c>/ratsbuero/abmelden</c>: signs the clerk out (POST, from the button in the header).</summary>
public sealed class AbmeldenModel(ClerkSessions sessions) : PageModel
{
    public IActionResult OnGet() => Page();

    /// <summary>Ends the session on the server too: a copy of the cookie signs nobody in afterwards.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(HttpContext, cancellationToken);
        return RedirectToPage("/Ratsbuero/Anmeldung/Anmelden", new { abgemeldet = true });
    }
}
