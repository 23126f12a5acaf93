using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>Nobody confirmed the submission in time (<c>Workflow:ConfirmationExpiry</c>). Link: <see cref="MailLink.NewMotion"/>.</summary>
public sealed record ConfirmationExpired : MotionNotification
{
    public required DateTimeOffset SubmittedAt { get; init; }

    internal override MailContent Compose() => new(
        "Antrag verfallen",
        [$"der Antrag {Quoted(Motion.Title)} vom {FormatDate(SubmittedAt)} wurde nicht rechtzeitig bestätigt und ist verfallen."],
        ["Er wird nicht weiter bearbeitet. Sie können ihn jederzeit neu einreichen."])
    {
        Facts = MailFact.Of(("Eingegangen am", FormatDateTime(SubmittedAt))),
    };
}
