using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Ratsworkflow.Functions.Security;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Pages;

/// <summary>
/// A page reached by a personal link from an email (confirmation, status, vote, sign-in). Rate-limited per client
/// ("token"), never cached (the page shows what the link's owner may see), and able to explain a link that does not
/// work with the right status code.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Token)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class LinkPageModel : PageModel
{
    /// <summary>Set when the link does not work; the page then shows only this.</summary>
    public LinkProblem? Problem { get; private set; }

    /// <summary>A German notice carried over a redirect (POST → GET), e.g. "Ihre Stimme wurde gezählt."</summary>
    [TempData]
    public string? Notice { get; set; }

    protected IActionResult ShowProblem(LinkProblem problem)
    {
        Problem = problem;
        Response.StatusCode = problem.Status;
        return Page();
    }
}
