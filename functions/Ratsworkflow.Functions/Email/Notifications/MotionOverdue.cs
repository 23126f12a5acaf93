using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// To the clerks, once a day: a meeting has passed (plus <c>Workflow:OverdueGrace</c>) without a recorded result.
/// Link: <see cref="MailLink.ClerkMotion"/>.
/// </summary>
public sealed record MotionOverdue : MotionNotification
{
    public required string OrganizationName { get; init; }
    public required DateOnly MeetingDate { get; init; }

    internal override MailContent Compose() => new(
        "Ergebnis fehlt",
        [$"die Sitzung {Organization(OrganizationName).Genitive} am {FormatDate(MeetingDate)} ist vorbei, " +
            $"für den Antrag {Quoted(Motion.Title)} ist aber noch kein Ergebnis eingetragen."],
        ["Bitte tragen Sie das Ergebnis ein oder setzen Sie den Antrag neu an.", "Diese Erinnerung kommt täglich, bis das Ergebnis eingetragen ist."])
    {
        Facts = MailFact.Of(("Gremium", OrganizationName), ("Sitzung", FormatDate(MeetingDate))),
    };
}
