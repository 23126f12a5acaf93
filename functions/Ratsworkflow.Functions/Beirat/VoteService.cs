using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// A Beirat member's vote from the personal link (bound to one member, motion and round): stored in the ballot at once
/// and answered, then announced to the motion's orchestrator (<see cref="VoteAnnouncer"/>), which counts and closes
/// early when the outcome is certain. A link that carries its claim is one storage request (<see cref="VoteLink"/>);
/// anything else — an older link, a changed one, a closed or expired round — is answered from the link's access token.
/// </summary>
public sealed class VoteService(IAccessTokenStore tokens, BallotStore ballots, VoteAnnouncer announcer)
{
    public const int MaxCommentLength = 2000;
    private const string Closed = "Die Abstimmung ist beendet; Stimmen können nicht mehr abgegeben werden.";

    public async Task<Outcome<VoteReceipt>> CastAsync(string? voteLink, VoteChoice? choice, string? comment, CancellationToken cancellationToken)
    {
        var invalid = Check(choice, comment);
        if (invalid is null && VoteLink.TryRead(voteLink, out _, out var claimed, out var paperId) && claimed is not null
            && await ballots.CastOnLinkPaperAsync(claimed, paperId, choice!.Value, comment, cancellationToken) is { } quick)
        {
            return await ReceiptAsync(claimed, quick, cancellationToken);
        }
        var resolution = await tokens.ResolveVoteLinkAsync(voteLink, cancellationToken);
        switch (resolution.Status)
        {
            case TokenStatus.Unknown:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.NotFound, "Dieser Abstimmungslink ist ungültig.");
            case TokenStatus.Expired:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Expired, "Die Frist für diese Abstimmung ist abgelaufen.");
            case TokenStatus.Closed or TokenStatus.Used:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Conflict, Closed);
        }
        if (invalid is not null)
        {
            return invalid;
        }
        var right = VoteLink.RightOf(resolution.Token!);
        var cast = await ballots.CastAsync(right, choice!.Value, comment, cancellationToken);
        switch (cast)
        {
            case CastResult.NotEligible:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Conflict, "Sie sind in diesem Beirat nicht stimmberechtigt.");
            case CastResult.Closed or CastResult.NoBallot:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Conflict, Closed);
        }
        return await ReceiptAsync(right, cast, cancellationToken);
    }

    /// <summary>The refusal of a choice or comment that cannot be stored; null if both are fine.</summary>
    private static Outcome<VoteReceipt>? Check(VoteChoice? choice, string? comment)
    {
        if (choice is not { } chosen || !Enum.IsDefined(chosen))
        {
            const string choose = "Bitte wählen Sie Ja, Nein oder Enthaltung.";
            return Outcomes.Fail<VoteReceipt>(OutcomeKind.Invalid, choose, new Dictionary<string, string[]> { ["choice"] = [choose] });
        }
        return comment is { Length: > MaxCommentLength }
            ? Outcomes.Fail<VoteReceipt>(OutcomeKind.Invalid, "Der Kommentar ist zu lang.",
                new Dictionary<string, string[]> { ["comment"] = [$"Der Kommentar darf höchstens {MaxCommentLength} Zeichen lang sein."] })
            : null;
    }

    private async Task<Outcome<VoteReceipt>> ReceiptAsync(VoteRight right, CastResult cast, CancellationToken cancellationToken)
    {
        await announcer.AnnounceAsync(right.MotionId, right.MemberId, cancellationToken);
        var replaced = cast == CastResult.Replaced;
        return Outcomes.Ok(new VoteReceipt(right.MotionId, replaced), OutcomeKind.Done,
            replaced ? "Ihre Stimme ersetzt Ihre frühere Stimme." : "Ihre Stimme wurde gezählt.");
    }
}

/// <summary>A counted vote: the motion it was for, and whether it replaced the member's earlier one.</summary>
public sealed record VoteReceipt(string MotionId, bool Replaced);
