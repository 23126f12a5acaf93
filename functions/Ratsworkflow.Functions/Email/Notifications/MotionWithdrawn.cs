using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>The faction withdrew the motion (zurückgezogen) before the council's decision; to everyone involved so far.</summary>
public sealed record MotionWithdrawn : MotionNotification
{
    public required DateTimeOffset WithdrawnAt { get; init; }

    /// <summary>Who withdrew it, e.g. the faction or "Ratsbüro (auf Wunsch der Fraktion)".</summary>
    public string? WithdrawnBy { get; init; }

    internal override MailContent Compose() => new(
        "Antrag zurückgezogen",
        [$"der Antrag {Quoted(Motion.Title)} wurde am {FormatDateTime(WithdrawnAt)} zurückgezogen."],
        ["Das Verfahren ist damit beendet. Geplante Beratungen und offene Abstimmungen entfallen."])
    {
        Facts = MailFact.Of(("Zurückgezogen am", FormatDateTime(WithdrawnAt)), ("Zurückgezogen von", WithdrawnBy)),
    };
}
