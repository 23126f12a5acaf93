using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Web;

/// <summary>
/// The stage vocabulary (<see cref="MotionStages"/>) for pages that hold the API's stage string (query
/// strings, the pattern page): a name that is no stage shows as itself, neutral, instead of failing the page.
/// </summary>
public static class StageDisplay
{
    public static IReadOnlyCollection<string> Known { get; } = Enum.GetNames<MotionStage>();

    public static MotionStages.Display For(string? stage) =>
        Known.FirstOrDefault(name => string.Equals(name, stage, StringComparison.OrdinalIgnoreCase)) is { } name
            ? MotionStages.For(Enum.Parse<MotionStage>(name))
            : new MotionStages.Display(string.IsNullOrWhiteSpace(stage) ? "Unbekannt" : stage, StatusTone.Neutral, null);
}
