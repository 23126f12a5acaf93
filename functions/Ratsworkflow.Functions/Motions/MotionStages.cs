namespace Ratsworkflow.Functions.Motions;

/// <summary>The five steps a motion passes, as the step line shows them (Eingang → … → Beschluss).</summary>
public enum ProcessStep
{
    Receipt,
    Beirat,
    Committees,
    Council,
    Decision,
}

/// <summary>Colour family of a status badge; the text always says the same, colour is never the only signal.</summary>
public enum StatusTone
{
    Neutral,
    Info,
    Success,
    Warning,
    Danger,
}

/// <summary>
/// The one vocabulary of a motion's stage: its German label (pages, mails, CSV, OParl keywords, error messages), the
/// badge tone, the step of the step line — and the one rule of when a faction may still withdraw.
/// </summary>
public static class MotionStages
{
    public sealed record Display(string Label, StatusTone Tone, ProcessStep? Step);

    /// <exception cref="ArgumentOutOfRangeException">Not a defined stage.</exception>
    public static Display For(MotionStage stage) => stage switch
    {
        MotionStage.AwaitingConfirmation => new("Bestätigung ausstehend", StatusTone.Warning, ProcessStep.Receipt),
        MotionStage.Registered => new("Eingegangen", StatusTone.Info, ProcessStep.Receipt),
        MotionStage.BeiratReview => new("Im Beirat", StatusTone.Info, ProcessStep.Beirat),
        MotionStage.Consultation => new("In den Ausschüssen", StatusTone.Info, ProcessStep.Committees),
        MotionStage.Council => new("Im Rat", StatusTone.Info, ProcessStep.Council),
        MotionStage.Decided => new("Entschieden", StatusTone.Success, ProcessStep.Decision),
        // No step: a withdrawn or failed motion is not "at" any step any more.
        MotionStage.Withdrawn => new("Zurückgezogen", StatusTone.Neutral, null),
        MotionStage.Failed => new("Gestört – Ratsbüro prüft", StatusTone.Danger, null),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unbekannte Phase."),
    };

    /// <summary>The German label of a stage.</summary>
    public static string Label(MotionStage stage) => For(stage).Label;

    public static string Label(ProcessStep step) => step switch
    {
        ProcessStep.Receipt => "Eingang",
        ProcessStep.Beirat => "Beirat",
        ProcessStep.Committees => "Ausschüsse",
        ProcessStep.Council => "Rat",
        ProcessStep.Decision => "Beschluss",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };

    /// <summary>
    /// A faction may withdraw a confirmed motion until the council has decided. Not an unconfirmed one (without
    /// confirmation it lapses by itself) and not one whose step failed (the Ratsbüro repeats the step first, so the
    /// withdrawal is not lost in a broken step).
    /// </summary>
    public static bool CanWithdraw(MotionStage stage) =>
        stage is MotionStage.Registered or MotionStage.BeiratReview or MotionStage.Consultation or MotionStage.Council;
}
