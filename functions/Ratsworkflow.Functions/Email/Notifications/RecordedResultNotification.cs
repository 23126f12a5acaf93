using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Wording;
using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>What a clerk records after a meeting (docs/design.md §1 "Outcomes of a consultation"), shared by both result mails.</summary>
public abstract record RecordedResultNotification : MotionNotification
{
    public required DateOnly MeetingDate { get; init; }
    public required ConsultationOutcome Outcome { get; init; }
    public VoteCount? Votes { get; init; }

    /// <summary>The resolution text as changed (amended) or adopted.</summary>
    public string? ResolutionText { get; init; }

    /// <param name="resolutionLabel">How the text is introduced; null leaves it out (it did not change).</param>
    private protected IReadOnlyList<MailFact> ResultFacts(string body, string outcomePhrase, string? resolutionLabel) => MailFact.Of(
        ("Gremium", body),
        ("Sitzung", FormatDate(MeetingDate)),
        ("Ergebnis", outcomePhrase),
        ("Stimmen", Votes is null ? null : VoteWording.Counts(Votes)),
        (resolutionLabel ?? "", resolutionLabel is null ? null : ResolutionText));
}
