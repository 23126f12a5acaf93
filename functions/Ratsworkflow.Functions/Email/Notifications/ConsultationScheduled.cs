using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// A clerk put the motion on a meeting's agenda; to the faction (<see cref="MailLink.FactionStatus"/>) and, where
/// configured, the committee chair (<see cref="MailLink.PublicMotion"/>).
/// </summary>
public sealed record ConsultationScheduled : MotionNotification
{
    public required string OrganizationName { get; init; }
    public required DateOnly MeetingDate { get; init; }

    internal override MailContent Compose() => new(
        "Beratung terminiert",
        [$"der Antrag {Quoted(Motion.Title)} steht auf der Tagesordnung der Sitzung {Organization(OrganizationName).Genitive} am {FormatDate(MeetingDate)}."],
        ["Nach der Sitzung trägt das Ratsbüro das Ergebnis ein; Sie erhalten dann eine E-Mail."])
    {
        Facts = MailFact.Of(("Gremium", OrganizationName), ("Sitzung", FormatDate(MeetingDate))),
    };
}
