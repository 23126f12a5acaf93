namespace Ratsworkflow.Functions.Motions;

public static class MotionStages
{
    /// <summary>The German name shown to factions and clerks.</summary>
    public static string DisplayName(MotionStage stage) => stage switch
    {
        MotionStage.AwaitingConfirmation => "Eingang/Bestätigung ausstehend",
        MotionStage.Registered => "Registriert",
        MotionStage.BeiratReview => "Beirat",
        MotionStage.Consultation => "Ausschüsse",
        MotionStage.Council => "Rat",
        MotionStage.Decided => "Beschlossen",
        MotionStage.Withdrawn => "Zurückgezogen",
        MotionStage.Failed => "Fehler",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unbekannte Phase."),
    };

    /// <summary>
    /// A faction may withdraw until the council has decided (DESIGN.md §1). A failed motion can still be withdrawn,
    /// so a faction is never stuck with a motion the clerks have not repaired yet.
    /// </summary>
    public static bool CanWithdraw(MotionStage stage) => stage is not (MotionStage.Decided or MotionStage.Withdrawn);
}
