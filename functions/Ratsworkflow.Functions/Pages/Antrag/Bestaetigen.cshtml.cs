using Microsoft.AspNetCore.Mvc;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Submission;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Pages.Antrag;

/// <summary>
/// <c>/antrag/{motionId}/bestaetigen/{token}</c> from the confirmation mail. GET only shows the motion and a button
/// (mail scanners open links); the POST confirms it.
/// </summary>
public sealed class BestaetigenModel(MotionStore motions, OrganizationStore organizations, IAccessTokenStore tokens,
    SubmissionService submissions) : LinkPageModel
{
    public MotionDetails? Motion { get; private set; }

    /// <summary>The faction has confirmed (now or before); the page thanks and says what comes next.</summary>
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string motionId, string token, CancellationToken cancellationToken)
    {
        var resolution = await tokens.ResolveAsync(TokenPurpose.Confirmation, token, cancellationToken);
        var motion = await motions.GetAsync(motionId, cancellationToken);
        if (motion is null || resolution.Token?.Subject.MotionId != motionId)
        {
            return ShowProblem(LinkProblem.Invalid("Bestätigungslink",
                "Unbestätigte Anträge werden nach Ablauf der Frist gelöscht; stellen Sie den Antrag dann bitte neu.", "/antrag/neu",
                "Antrag neu stellen"));
        }
        Motion = new MotionDetails(motion, await organizations.GetCatalogAsync(cancellationToken));
        Confirmed = motion.Stage != MotionStage.AwaitingConfirmation || resolution.Status == TokenStatus.Used;
        if (!Confirmed && resolution.Status is TokenStatus.Expired or TokenStatus.Closed)
        {
            return ShowProblem(new LinkProblem(StatusCodes.Status410Gone, "Dieser Bestätigungslink ist abgelaufen",
                "Der Antrag wurde nicht rechtzeitig bestätigt und ist deshalb nicht eingereicht.",
                "Bitte stellen Sie ihn neu; Sie erhalten dann einen neuen Link.", "/antrag/neu", "Antrag neu stellen"));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string motionId, string token, CancellationToken cancellationToken)
    {
        var outcome = await submissions.ConfirmAsync(motionId, token, cancellationToken);
        if (outcome.Succeeded)
        {
            return RedirectToPage(new { motionId, token });
        }
        return ShowProblem(new LinkProblem(OutcomeHttp.Status(outcome.Kind), "Der Antrag konnte nicht bestätigt werden",
            outcome.Detail ?? "Dieser Bestätigungslink kann nicht mehr verwendet werden.", null, "/antrag/neu", "Antrag neu stellen"));
    }
}
