using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>What a committee or the council did with the motion in its meeting (docs/design.md §1); JSON lower-case.</summary>
[JsonConverter(typeof(ConsultationOutcomeJsonConverter))]
public enum ConsultationOutcome
{
    /// <summary>Ungeändert beschlossen / empfohlen.</summary>
    Approved,

    /// <summary>Geändert beschlossen / empfohlen: comes with the new resolution text.</summary>
    Amended,

    /// <summary>Abgelehnt.</summary>
    Rejected,

    /// <summary>Vertagt: the same body takes it up again at a later meeting.</summary>
    Postponed,

    /// <summary>Verwiesen (from the council: zurückverwiesen) to a committee, which is inserted next.</summary>
    Referred,

    /// <summary>Zur Kenntnis genommen.</summary>
    Noted,
}

public sealed class ConsultationOutcomeJsonConverter()
    : JsonStringEnumConverter<ConsultationOutcome>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

public static class ConsultationOutcomes
{
    /// <summary>A committee only recommends; the same outcome reads differently when the council decides.</summary>
    public static string DisplayName(ConsultationOutcome outcome, bool byCouncil) => outcome switch
    {
        ConsultationOutcome.Approved => byCouncil ? "ungeändert beschlossen" : "ungeändert empfohlen",
        ConsultationOutcome.Amended => byCouncil ? "geändert beschlossen" : "geändert empfohlen",
        ConsultationOutcome.Rejected => byCouncil ? "abgelehnt" : "Ablehnung empfohlen",
        ConsultationOutcome.Postponed => "vertagt",
        ConsultationOutcome.Referred => byCouncil ? "zurückverwiesen" : "verwiesen",
        ConsultationOutcome.Noted => "zur Kenntnis genommen",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unbekanntes Ergebnis."),
    };

    /// <summary>Every outcome but a postponement finishes the body's consultation; a postponed one waits for a new date.</summary>
    public static bool Finishes(this ConsultationOutcome outcome) => outcome != ConsultationOutcome.Postponed;
}
