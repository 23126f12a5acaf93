using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Clerks;
using Ratsworkflow.Functions.Security;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Anmeldung;

/// <summary>
/// <c>/ratsbuero/anmelden</c>: a clerk asks for a sign-in link. The answer is the same for every well-formed address
/// (no one learns which addresses are clerks'); only a configured clerk address gets a mail. The POST is
/// rate-limited ("signin"); the GET is not, so an office behind one address is not locked out of the form.
/// </summary>
public sealed class AnmeldenModel(ClerkSignIn signIn, IOptions<ClerkSignInOptions> options) : PageModel
{
    /// <summary>Where to go after signing in, kept for the mailed link (which may only carry its token).</summary>
    public const string ReturnCookie = "rw-anmeldung-ziel";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>After a request: "check your mailbox".</summary>
    [BindProperty(SupportsGet = true)]
    public bool Gesendet { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Abgemeldet { get; set; }

    public int LinkMinutes => (int)options.Value.SignInLinkLifetime.TotalMinutes;

    public IActionResult OnGet()
    {
        if (User.IsInRole(ClerkAuthentication.Role) && !Abgemeldet && !Gesendet)
        {
            return LocalRedirect(SafeReturnUrl(ReturnUrl) ?? "/ratsbuero");
        }
        return Page();
    }

    public IActionResult OnPost()
    {
        if (ModelState.IsValid && !ClerkSignIn.IsAddress(Input.Email))
        {
            ModelState.AddModelError("Input.Email", "Geben Sie eine E-Mail-Adresse im Format name@beispiel.de ein.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        signIn.Request(Input.Email!);
        if (SafeReturnUrl(ReturnUrl) is { } target)
        {
            Response.Cookies.Append(ReturnCookie, target, new CookieOptions
            {
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/ratsbuero",
                MaxAge = options.Value.SignInLinkLifetime,
                IsEssential = true,
            });
        }
        return RedirectToPage(new { gesendet = true });
    }

    /// <summary>Only the Ratsbüro's own pages: a return address never leads off the site (open redirect).</summary>
    public static string? SafeReturnUrl(string? url) =>
        url is { Length: > 1 } && url.StartsWith("/ratsbuero", StringComparison.Ordinal)
            && !url.StartsWith("/ratsbuero/anmelden", StringComparison.Ordinal)
            && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : null;
}

public sealed class SignInInput
{
    [Display(Name = "E-Mail-Adresse", Description = "Ihre dienstliche Adresse, die für das Ratsbüro eingetragen ist.")]
    [Required(ErrorMessage = "Geben Sie Ihre E-Mail-Adresse ein.")]
    public string? Email { get; set; }
}
