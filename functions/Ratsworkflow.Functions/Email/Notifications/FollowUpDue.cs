using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>A Wiedervorlage is due; it repeats until a clerk ends it. Link: <see cref="MailLink.ClerkMotion"/>.</summary>
public sealed record FollowUpDue : MotionNotification
{
    public required DateOnly DueDate { get; init; }

    /// <summary>What the resolution asks for, e.g. "alle zwei Jahre evaluieren und fortschreiben".</summary>
    public required string Instruction { get; init; }

    internal override MailContent Compose() => new(
        "Wiedervorlage fällig",
        [$"für den Antrag {Quoted(Motion.Title)} ist am {FormatDate(DueDate)} eine Wiedervorlage fällig: {Instruction}"],
        ["Bitte bearbeiten Sie die Wiedervorlage. Sie kommt wie beschlossen wieder, bis das Ratsbüro sie beendet."])
    {
        Facts = MailFact.Of(("Fällig am", FormatDate(DueDate)), ("Auftrag", Instruction)),
    };
}
