using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Ratsworkflow.Functions.Clerks;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Anmeldung;

/// <summary>
/// <c>/ratsbuero/anmelden/{token}</c> from the sign-in mail. GET shows a button (mail scanners open links and must
/// not use the link up); the POST uses the single-use link and signs the clerk in with the cookie.
/// </summary>
public sealed class LinkModel(ClerkSignIn signIn, ClerkSessions sessions, IOptions<ClerkSessionOptions> sessionOptions) : LinkPageModel
{
    public int SessionHours => (int)Math.Round(sessionOptions.Value.SessionLifetime.TotalHours);

    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var link = await signIn.CheckAsync(token, cancellationToken);
        if (!link.IsValid)
        {
            return ShowProblem(Explain(link.Status));
        }
        Email = link.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var link = await signIn.RedeemAsync(token, cancellationToken);
        if (!link.IsValid)
        {
            return ShowProblem(Explain(link.Status));
        }
        await sessions.SignInAsync(HttpContext, link.Email!, cancellationToken);
        var target = AnmeldenModel.SafeReturnUrl(Request.Cookies[AnmeldenModel.ReturnCookie]) ?? "/ratsbuero";
        Response.Cookies.Delete(AnmeldenModel.ReturnCookie, new CookieOptions { Path = "/ratsbuero" });
        return LocalRedirect(target);
    }

    private static LinkProblem Explain(TokenStatus status) => status switch
    {
        TokenStatus.Used => new LinkProblem(StatusCodes.Status410Gone, "Dieser Anmeldelink wurde schon benutzt",
            "Jeder Anmeldelink gilt nur für eine Anmeldung.", null, "/ratsbuero/anmelden", "Neuen Anmeldelink anfordern"),
        TokenStatus.Expired or TokenStatus.Closed => new LinkProblem(StatusCodes.Status410Gone, "Dieser Anmeldelink ist abgelaufen",
            "Anmeldelinks gelten nur kurze Zeit, damit niemand mit einer alten E-Mail Zugang bekommt.", null, "/ratsbuero/anmelden",
            "Neuen Anmeldelink anfordern"),
        _ => LinkProblem.Invalid("Anmeldelink", null, "/ratsbuero/anmelden", "Neuen Anmeldelink anfordern"),
    };
}
