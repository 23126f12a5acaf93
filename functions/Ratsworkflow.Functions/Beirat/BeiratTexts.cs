namespace Ratsworkflow.Functions.Beirat;

/// <summary>German words for mails and pages.</summary>
public static class BeiratTexts
{
    public static string DisplayName(VoteChoice choice) => choice switch
    {
        VoteChoice.Yes => "Ja",
        VoteChoice.No => "Nein",
        VoteChoice.Abstain => "Enthaltung",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, "Unbekannte Stimme."),
    };

    public static string DisplayName(BeiratOutcome outcome) => outcome switch
    {
        BeiratOutcome.Pending => "Abstimmung läuft",
        BeiratOutcome.Recommends => "empfiehlt den Antrag",
        BeiratOutcome.Rejects => "empfiehlt, den Antrag abzulehnen",
        BeiratOutcome.None => "keine Empfehlung (nicht beschlussfähig)",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unbekanntes Ergebnis."),
    };
}
