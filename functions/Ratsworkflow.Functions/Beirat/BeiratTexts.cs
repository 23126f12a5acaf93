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

    /// <summary>"Der Integrationsrat empfiehlt den Antrag" — a whole sentence, without its full stop.</summary>
    public static string Sentence(Wording.OrganizationName beirat, BeiratOutcome outcome) =>
        Wording.OrganizationName.Capitalized(beirat.Nominative) + outcome switch
        {
            BeiratOutcome.Pending => " stimmt noch ab",
            BeiratOutcome.Recommends => " empfiehlt den Antrag",
            BeiratOutcome.Rejects => " empfiehlt, den Antrag abzulehnen",
            BeiratOutcome.None => " gibt keine Empfehlung ab, weil nicht genug stimmberechtigte Mitglieder abgestimmt haben",
            _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unbekanntes Ergebnis."),
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
