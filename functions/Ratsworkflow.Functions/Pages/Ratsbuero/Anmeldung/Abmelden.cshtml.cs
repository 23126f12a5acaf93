using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Ratsworkflow.Functions.Security;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Anmeldung;

/// <summary><c>/ratsbuero/abmelden</c>: signs the clerk out (POST, from the button in the header).</summary>
public sealed class AbmeldenModel : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ClerkAuthentication.CookieScheme);
        return RedirectToPage("/Ratsbuero/Anmeldung/Anmelden", new { abgemeldet = true });
    }
}
