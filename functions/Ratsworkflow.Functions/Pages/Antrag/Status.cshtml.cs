using Microsoft.AspNetCore.Mvc;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary><c>/antrag/{motionId}/status/{token}</c>: where the faction's motion stands, with "zurückziehen".</summary>
public sealed class StatusModel(FactionLink link) : LinkPageModel
{
    public MotionDetails? Motion { get; private set; }

    public async Task<IActionResult> OnGetAsync(string motionId, string token, CancellationToken cancellationToken)
    {
        var (motion, problem) = await link.OpenAsync(motionId, token, cancellationToken);
        if (problem is not null)
        {
            return ShowProblem(problem);
        }
        Motion = motion;
        return Page();
    }
}
