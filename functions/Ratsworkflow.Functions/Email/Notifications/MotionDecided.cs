using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>The council's decision, which ends the process, to everyone involved (one notification per audience and link).</summary>
public sealed record MotionDecided : RecordedResultNotification
{
    public string CouncilName { get; init; } = "Rat";

    /// <summary>The first Wiedervorlage, if the resolution asks for one.</summary>
    public DateOnly? FollowUpDue { get; init; }

    internal override MailContent Compose() => new(
        "Entscheidung des Rates",
        [
            $"der Rat hat in seiner Sitzung am {FormatDate(MeetingDate)} über den Antrag {Quoted(Motion.Title)} entschieden.",
            $"Der Antrag wurde {OutcomePhrase(Outcome, council: true, referredTo: null)}.",
        ],
        [FollowUpDue is { } due
            ? $"Das Verfahren ist damit abgeschlossen. Eine Wiedervorlage ist für den {FormatDate(due)} vorgesehen."
            : "Das Verfahren ist damit abgeschlossen."])
    {
        Facts =
        [
            .. ResultFacts(CouncilName, OutcomePhrase(Outcome, council: true, referredTo: null), "Beschluss"),
            .. MailFact.Of(("Wiedervorlage", FollowUpDue is { } date ? FormatDate(date) : null)),
        ],
    };
}
