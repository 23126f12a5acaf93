namespace Ratsworkflow.Functions.Web;

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
/// How the pages show a motion's <c>stage</c> (the API's names, DESIGN.md §2 "JSON API"): a German label, a badge
/// tone and the step it belongs to. Pages pass the stage string so they need no reference to the workflow's types.
/// </summary>
public static class MotionStages
{
    public sealed record Display(string Label, StatusTone Tone, ProcessStep? Step);

    private static readonly Dictionary<string, Display> ByStage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AwaitingConfirmation"] = new("Bestätigung ausstehend", StatusTone.Warning, ProcessStep.Receipt),
        ["Registered"] = new("Eingegangen", StatusTone.Info, ProcessStep.Receipt),
        ["BeiratReview"] = new("Im Beirat", StatusTone.Info, ProcessStep.Beirat),
        ["Consultation"] = new("In den Ausschüssen", StatusTone.Info, ProcessStep.Committees),
        ["Council"] = new("Im Rat", StatusTone.Info, ProcessStep.Council),
        ["Decided"] = new("Entschieden", StatusTone.Success, ProcessStep.Decision),
        // No step: a withdrawn or failed motion is not "at" any step any more.
        ["Withdrawn"] = new("Zurückgezogen", StatusTone.Neutral, null),
        ["Failed"] = new("Gestört – Ratsbüro prüft", StatusTone.Danger, null),
    };

    public static IReadOnlyCollection<string> Known => ByStage.Keys;

    public static Display For(string? stage) =>
        stage is not null && ByStage.TryGetValue(stage, out var display)
            ? display
            : new Display(string.IsNullOrWhiteSpace(stage) ? "Unbekannt" : stage, StatusTone.Neutral, null);

    public static string Label(ProcessStep step) => step switch
    {
        ProcessStep.Receipt => "Eingang",
        ProcessStep.Beirat => "Beirat",
        ProcessStep.Committees => "Ausschüsse",
        ProcessStep.Council => "Rat",
        ProcessStep.Decision => "Beschluss",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
