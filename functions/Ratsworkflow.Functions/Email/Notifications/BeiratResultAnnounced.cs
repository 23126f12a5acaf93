using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Wording;
using static Ratsworkflow.Functions.Email.German;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// The Beirat's recommendation, to its members, the faction and the clerks (one notification per audience, each
/// with its own link: <see cref="MailLink.Vote"/>, <see cref="MailLink.FactionStatus"/>, <see cref="MailLink.ClerkMotion"/>).
/// </summary>
public sealed record BeiratResultAnnounced : MotionNotification
{
    public required string BeiratName { get; init; }
    public required BeiratOutcome Outcome { get; init; }
    public required VoteCount Votes { get; init; }

    /// <summary>The next body of the Beratungsfolge, if known.</summary>
    public string? NextBody { get; init; }

    internal override MailContent Compose() => new(
        "Ergebnis der Abstimmung im Beirat",
        [Outcome switch
        {
            BeiratOutcome.Recommends => $"der Beirat {Quoted(BeiratName)} empfiehlt, den Antrag {Quoted(Motion.Title)} anzunehmen.",
            BeiratOutcome.Rejects => $"der Beirat {Quoted(BeiratName)} empfiehlt, den Antrag {Quoted(Motion.Title)} abzulehnen.",
            _ => $"der Beirat {Quoted(BeiratName)} gibt zum Antrag {Quoted(Motion.Title)} keine Empfehlung ab, " +
                "weil nicht genug Mitglieder abgestimmt haben.",
        }],
        [NextBody is null
            ? "Das Ratsbüro plant die weitere Beratung; das Ergebnis des Beirats wird ihr beigefügt."
            : $"Als Nächstes berät {Organization(NextBody).Nominative} über den Antrag; das Ergebnis des Beirats wird dort vorgelegt."])
    {
        Facts = MailFact.Of(
            ("Beirat", BeiratName),
            ("Ergebnis", Outcome switch
            {
                BeiratOutcome.Recommends => "Annahme empfohlen",
                BeiratOutcome.Rejects => "Ablehnung empfohlen",
                _ => "keine Empfehlung (nicht beschlussfähig)",
            }),
            ("Stimmen", VoteWording.Counts(Votes))),
    };
}
