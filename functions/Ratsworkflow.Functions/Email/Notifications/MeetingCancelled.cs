using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>The meeting the motion was on was cancelled (abgesagt): to the faction; the motion waits for a new date.</summary>
public sealed record MeetingCancelled : MotionNotification
{
    public required string OrganizationName { get; init; }

    /// <summary>The cancelled meeting's date, when it had one.</summary>
    public DateOnly? MeetingDate { get; init; }

    internal override MailContent Compose() => new(
        "Sitzung abgesagt",
        [$"die Sitzung von {Quoted(OrganizationName)}{(MeetingDate is { } date ? $" am {FormatDate(date)}" : "")}, " +
            $"auf deren Tagesordnung der Antrag {Quoted(Motion.Title)} stand, wurde abgesagt."],
        ["Das Ratsbüro setzt den Antrag auf die Tagesordnung einer neuen Sitzung; Sie erhalten dann eine E-Mail mit dem Termin."])
    {
        Facts = MailFact.Of(("Gremium", OrganizationName), ("Abgesagte Sitzung", MeetingDate is { } d ? FormatDate(d) : null)),
    };
}
