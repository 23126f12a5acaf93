using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>What both registration mails know: when, and the way ahead (Beirat, then the Beratungsfolge).</summary>
public abstract record RegistrationNotification : MotionNotification
{
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Null when no Beirat review was requested.</summary>
    public string? BeiratName { get; init; }

    /// <summary>The Beratungsfolge in order, by the bodies' names (e.g. Fachausschuss, Verwaltungsausschuss, Rat).</summary>
    public required IReadOnlyList<string> Consultations { get; init; }

    private protected IReadOnlyList<MailFact> RegistrationFacts() =>
        MailFact.Of(("Registriert am", FormatDateTime(RegisteredAt)), ("Beirat", BeiratName), ("Beratungsfolge", string.Join(" → ", Consultations)));

    private protected string Way() =>
        (BeiratName is null ? "" : $"Zunächst gibt der Beirat {Quoted(BeiratName)} eine Empfehlung ab. ") +
        (Consultations.Count == 0 ? "" : $"Der Antrag wird in dieser Reihenfolge beraten: {string.Join(" → ", Consultations)}.");
}

/// <summary>To the faction: the motion is binding and has its reference. Link: <see cref="MailLink.FactionStatus"/>.</summary>
public sealed record MotionRegistered : RegistrationNotification
{
    internal override MailContent Compose() => new(
        "Antrag registriert",
        [$"Ihr Antrag {Quoted(Motion.Title)} ist bestätigt und unter dem Aktenzeichen {Motion.Reference} registriert."],
        [Way(), "Über jeden Sitzungstermin und jedes Ergebnis erhalten Sie eine E-Mail. " +
            "Bis zur Entscheidung des Rates können Sie den Antrag zurückziehen."])
    {
        Facts = RegistrationFacts(),
    };
}

/// <summary>To the clerks: a new motion to plan. Link: <see cref="MailLink.ClerkMotion"/>.</summary>
public sealed record NewMotionForClerks : RegistrationNotification
{
    internal override MailContent Compose() => new(
        "Neuer Antrag",
        [$"{Organization(Motion.FactionName).Nominative} hat den Antrag {Quoted(Motion.Title)} bestätigt. " +
            $"Er ist unter dem Aktenzeichen {Motion.Reference} registriert."],
        [
            Way(),
            BeiratName is null
                ? "Bitte setzen Sie den Antrag auf die Tagesordnung der ersten Sitzung."
                : "Die Abstimmung im Beirat läuft per E-Mail; ihr Ergebnis erhalten Sie automatisch. " +
                    "Danach setzen Sie den Antrag bitte auf die Tagesordnung.",
        ])
    {
        Facts = RegistrationFacts(),
    };
}
