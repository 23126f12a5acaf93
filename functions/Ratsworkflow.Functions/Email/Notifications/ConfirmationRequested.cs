using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// Receipt and confirmation request, to the faction's registered address only: a submission binds the faction only
/// once someone there confirms it (docs/design.md §1). Link: <see cref="MailLink.Confirmation"/>.
/// </summary>
public sealed record ConfirmationRequested : MotionNotification
{
    public required string SubmitterName { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    internal override MailContent Compose() => new(
        "Bitte bestätigen Sie den Antrag",
        [$"am {FormatDateTime(SubmittedAt)} ist im Namen von {Quoted(Motion.FactionName)} der Antrag {Quoted(Motion.Title)} eingegangen, " +
            $"eingereicht von {SubmitterName}."],
        [
            "Der Antrag wird erst verbindlich, wenn ihn jemand mit Zugang zu dieser E-Mail-Adresse bestätigt. " +
            "Dann erhält er ein Aktenzeichen und geht in die Beratung.",
            $"Bitte bestätigen Sie ihn bis zum {FormatDateTime(ExpiresAt)}; danach verfällt er.",
            "Hat Ihre Fraktion diesen Antrag nicht gestellt, müssen Sie nichts tun.",
        ])
    {
        Facts = MailFact.Of(("Eingereicht von", SubmitterName), ("Eingegangen am", FormatDateTime(SubmittedAt)),
            ("Bestätigen bis", FormatDateTime(ExpiresAt))),
    };
}
