using Microsoft.AspNetCore.Mvc;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Web;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary>
/// <c>/antrag/{motionId}/status/{token}/zurueckziehen</c>: the faction withdraws its motion. GET asks once more, the
/// POST withdraws, so neither a mis-click nor a mail scanner can.
/// </summary>
public sealed class ZurueckziehenModel(FactionLink link, CommandService commands) : LinkPageModel
{
    public MotionDetails? Motion { get; private set; }

    /// <summary>Why the workflow refused, in German.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string motionId, string token, CancellationToken cancellationToken) =>
        await OpenAsync(motionId, token, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string motionId, string token, CancellationToken cancellationToken)
    {
        var outcome = await commands.WithdrawAsync(motionId, token, null, cancellationToken);
        if (outcome.Succeeded)
        {
            Notice = outcome.Kind == OutcomeKind.Accepted
                ? "Ihr Antrag auf Zurückziehen ist angenommen und wird gerade bearbeitet."
                : "Der Antrag ist zurückgezogen. Alle Beteiligten werden per E-Mail informiert.";
            return RedirectToPage("/Antrag/Status", new { motionId, token });
        }
        if (await OpenAsync(motionId, token, cancellationToken) is { } problem)
        {
            return problem;
        }
        Refusal = outcome.Detail;
        Response.StatusCode = OutcomeHttp.Status(outcome.Kind);
        return Page();
    }

    private async Task<IActionResult?> OpenAsync(string motionId, string token, CancellationToken cancellationToken)
    {
        var (motion, problem) = await link.OpenAsync(motionId, token, cancellationToken);
        Motion = motion;
        return problem is null ? null : ShowProblem(problem);
    }
}
