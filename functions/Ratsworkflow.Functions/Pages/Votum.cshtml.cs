using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Ratsworkflow.Functions.Attachments;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Web;
using Ratsworkflow.Functions.Wording;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Pages;

/// <summary>
/// <c>/votum/{token}</c>: a Beirat member's personal vote page. GET shows the motion, the member's current vote and
/// the choices and never changes anything (mail scanners open links); the vote is the POST, handled like
/// <c>POST /api/votes/{token}</c>.
/// </summary>
public sealed class VotumModel(IAccessTokenStore tokens, MotionStore motions, OrganizationStore organizations, VoteService votes,
    BallotStore ballots, AttachmentStore attachments) : LinkPageModel
{
    [BindProperty]
    public VoteInput Input { get; set; } = new();

    public MotionDetails? Motion { get; private set; }

    public string? MemberName { get; private set; }

    /// <summary>The member's vote as counted so far; null before the first.</summary>
    public MemberVote? CurrentVote { get; private set; }

    /// <summary>The vote has ended (deadline, early close, or the motion was withdrawn): the page only informs.</summary>
    public bool IsClosed { get; private set; }

    public BeiratSummary Beirat => Motion!.Record.Beirat!;

    public IReadOnlyList<SelectListItem> Choices { get; } =
        Enum.GetValues<VoteChoice>().Select(c => new SelectListItem(BeiratTexts.DisplayName(c), c.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ?? Page();

    /// <summary><c>/votum/{token}?handler=Anlage&amp;n=1</c>: the member reads the Anlagen with the same link.</summary>
    public async Task<IActionResult> OnGetAnlageAsync(string token, int n, CancellationToken cancellationToken)
    {
        var subject = (await tokens.ResolveVoteLinkAsync(token, cancellationToken)).Token?.Subject;
        return subject?.MotionId is { } motionId && await motions.GetAsync(motionId, cancellationToken) is { } motion
            ? await AttachmentFiles.DownloadAsync(attachments, motion, n, Response, cancellationToken)
            : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await votes.CastAsync(token, Input.Choice, Input.Comment, cancellationToken);
            if (outcome.Succeeded)
            {
                Notice = outcome.Detail ?? "Ihre Stimme wurde gezählt.";
                return RedirectToPage(new { token });
            }
            foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
            {
                ModelState.AddModelError(field == "comment" ? "Input.Comment" : "Input.Choice", messages[0]);
            }
            if (outcome.Errors is null)
            {
                // Closed or expired meanwhile: the page below explains it; this says what happened to the vote.
                Notice = outcome.Detail;
            }
        }
        return await LoadAsync(token, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var resolution = await tokens.ResolveVoteLinkAsync(token, cancellationToken);
        var subject = resolution.Token?.Subject;
        if (subject?.MotionId is not { } motionId || await motions.GetAsync(motionId, cancellationToken) is not { Beirat: { } beirat } motion)
        {
            return ShowProblem(LinkProblem.Invalid("Abstimmungslink",
                "Jede Erinnerung an die Abstimmung enthält einen neuen Link. Oder fragen Sie das Ratsbüro nach einem neuen."));
        }
        var catalog = await organizations.GetCatalogAsync(cancellationToken);
        Motion = new MotionDetails(motion, catalog);
        MemberName = catalog.Find(beirat.OrganizationId)?.Members.FirstOrDefault(m => m.Id == subject.MemberId)?.Name;
        // The ballot, not the record: the record counts a vote a moment after it was cast.
        var ballot = await ballots.GetAsync(motionId, subject.Round ?? beirat.Round, cancellationToken);
        CurrentVote = ballot?.Votes.FirstOrDefault(v => v.MemberId == subject.MemberId) is { } vote
            ? new MemberVote(vote.Choice, vote.At, vote.Comment)
            : null;
        IsClosed = resolution.Status is TokenStatus.Closed or TokenStatus.Used
            || ballot is not { State: BallotState.Open }
            || motion.Stage != MotionStage.BeiratReview;
        if (resolution.Status == TokenStatus.Expired && !IsClosed)
        {
            return ShowProblem(new LinkProblem(StatusCodes.Status410Gone, "Die Abstimmungsfrist ist abgelaufen",
                $"Die Abstimmung über „{motion.Title}“ lief bis {GermanFormat.DateTime(beirat.Deadline)}. " +
                "Stimmen können nicht mehr abgegeben werden.",
                "Das Ergebnis erhalten Sie per E-Mail, sobald die Abstimmung ausgewertet ist."));
        }
        if (!IsClosed && Request.Method == HttpMethods.Get && CurrentVote is { } current)
        {
            Input.Choice = current.Choice;
        }
        return null;
    }
}

public sealed class VoteInput
{
    [Display(Name = "Ihre Stimme")]
    [Required(ErrorMessage = "Wählen Sie Ja, Nein oder Enthaltung.")]
    public VoteChoice? Choice { get; set; }

    [Display(Name = "Kommentar", Description = "Zum Beispiel eine kurze Begründung Ihrer Stimme; höchstens 2000 Zeichen.")]
    [StringLength(2000)]
    public string? Comment { get; set; }
}
