using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// A Beirat member's vote from the personal link (bound to one member, motion and round): stored in the ballot at once
/// and answered, then announced to the motion's orchestrator (<see cref="VoteAnnouncer"/>), which counts and closes
/// early when the outcome is certain.
/// </summary>
public sealed class VoteService(IAccessTokenStore tokens, BallotStore ballots, VoteAnnouncer announcer)
{
    public const int MaxCommentLength = 2000;
    private const string Closed = "Die Abstimmung ist beendet; Stimmen können nicht mehr abgegeben werden.";

    public async Task<Outcome<VoteReceipt>> CastAsync(string? voteToken, VoteChoice? choice, string? comment, CancellationToken cancellationToken)
    {
        var resolution = await tokens.ResolveAsync(TokenPurpose.Vote, voteToken, cancellationToken);
        switch (resolution.Status)
        {
            case TokenStatus.Unknown:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.NotFound, "Dieser Abstimmungslink ist ungültig.");
            case TokenStatus.Expired:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Expired, "Die Frist für diese Abstimmung ist abgelaufen.");
            case TokenStatus.Closed or TokenStatus.Used:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Conflict, Closed);
        }
        if (choice is not { } chosen || !Enum.IsDefined(chosen))
        {
            const string choose = "Bitte wählen Sie Ja, Nein oder Enthaltung.";
            return Outcomes.Fail<VoteReceipt>(OutcomeKind.Invalid, choose, new Dictionary<string, string[]> { ["choice"] = [choose] });
        }
        if (comment is { Length: > MaxCommentLength })
        {
            return Outcomes.Fail<VoteReceipt>(OutcomeKind.Invalid, "Der Kommentar ist zu lang.",
                new Dictionary<string, string[]> { ["comment"] = [$"Der Kommentar darf höchstens {MaxCommentLength} Zeichen lang sein."] });
        }
        var (subject, until) = (resolution.Token!.Subject, resolution.Token.ExpiresAt);
        var (motionId, memberId) = (subject.MotionId!, subject.MemberId!);
        var cast = await ballots.CastAsync(new VoteRight(motionId, subject.Round ?? 0, memberId, until), chosen, comment, cancellationToken);
        switch (cast)
        {
            case CastResult.NotEligible:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Conflict, "Sie sind in diesem Beirat nicht stimmberechtigt.");
            case CastResult.Closed or CastResult.NoBallot:
                return Outcomes.Fail<VoteReceipt>(OutcomeKind.Conflict, Closed);
        }
        await announcer.AnnounceAsync(motionId, memberId, cancellationToken);
        var replaced = cast == CastResult.Replaced;
        return Outcomes.Ok(new VoteReceipt(motionId, replaced), OutcomeKind.Done,
            replaced ? "Ihre Stimme ersetzt Ihre frühere Stimme." : "Ihre Stimme wurde gezählt.");
    }
}

/// <summary>A counted vote: the motion it was for, and whether it replaced the member's earlier one.</summary>
public sealed record VoteReceipt(string MotionId, bool Replaced);
