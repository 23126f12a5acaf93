using Microsoft.AspNetCore.Mvc;
using Ratsworkflow.Functions.Attachments;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary><c>/antrag/{motionId}/status/{token}</c>: where the faction's motion stands, with "zurückziehen".</summary>
public sealed class StatusModel(FactionLink link, AttachmentStore attachments) : LinkPageModel
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

    /// <summary><c>?handler=Anlage&amp;n=1</c>: the faction downloads what it submitted, with the same link.</summary>
    public async Task<IActionResult> OnGetAnlageAsync(string motionId, string token, int n, CancellationToken cancellationToken)
    {
        var (motion, problem) = await link.OpenAsync(motionId, token, cancellationToken);
        return problem is null && motion is not null
            ? await AttachmentFiles.DownloadAsync(attachments, motion.Record, n, Response, cancellationToken)
            : NotFound();
    }
}
