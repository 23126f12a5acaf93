using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// A clerk put the motion on a meeting's agenda, or the meeting moved (verlegt); to the faction
/// (<see cref="MailLink.FactionStatus"/>) and, where configured, the committee chair (<see cref="MailLink.PublicMotion"/>).
/// </summary>
public sealed record ConsultationScheduled : MotionNotification
{
    public required string OrganizationName { get; init; }
    public required DateOnly MeetingDate { get; init; }

    /// <summary>Set when the motion's meeting moved from this date.</summary>
    public DateOnly? PreviousMeetingDate { get; init; }

    public TimeOnly? StartTime { get; init; }
    public string? Place { get; init; }

    private bool Moved => PreviousMeetingDate is { } previous && previous != MeetingDate;

    private string When => FormatDate(MeetingDate) + (StartTime is { } time ? $" um {time:HH\\:mm} Uhr" : "");

    internal override MailContent Compose() => new(
        Moved ? "Beratung verlegt" : "Beratung terminiert",
        [Moved
            ? $"die Beratung des Antrags {Quoted(Motion.Title)} {Organization(OrganizationName).In} wurde vom " +
                $"{FormatDate(PreviousMeetingDate!.Value)} auf den {When} verlegt."
            : $"der Antrag {Quoted(Motion.Title)} steht auf der Tagesordnung der Sitzung {Organization(OrganizationName).Genitive} am {When}."],
        ["Nach der Sitzung trägt das Ratsbüro das Ergebnis ein; Sie erhalten dann eine E-Mail."])
    {
        Facts = MailFact.Of(("Gremium", OrganizationName), ("Sitzung", When), ("Ort", Place),
            ("Bisher geplant", Moved ? FormatDate(PreviousMeetingDate!.Value) : null)),
    };
}
