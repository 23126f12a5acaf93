using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// How often a Wiedervorlage comes back. Clerks give it in whole days, <see cref="MinDays"/> to <see cref="MaxDays"/>;
/// <see cref="FromDays"/> is the one place that limit is checked, for the JSON API, the meeting's results and the pages.
/// </summary>
public sealed record FollowUpPeriod
{
    public const int MinDays = 1;

    /// <summary>Ten years.</summary>
    public const int MaxDays = 3660;

    /// <summary>The field the message belongs to, as <c>POST /api/motions/{id}/result</c> names it.</summary>
    public const string Field = "followUpAfterDays";

    private FollowUpPeriod(TimeSpan interval) => Interval = interval;

    public TimeSpan Interval { get; }

    /// <summary>No days, no Wiedervorlage; days outside the limit are <see cref="OutcomeKind.Invalid"/>, with a German reason.</summary>
    public static Outcome<FollowUpPeriod?> FromDays(int? days) => days switch
    {
        null => Outcomes.Ok<FollowUpPeriod?>(null),
        < MinDays or > MaxDays => Outcomes.Fail<FollowUpPeriod?>(OutcomeKind.Invalid,
            $"Die Wiedervorlage muss zwischen {MinDays} und {MaxDays} Tagen liegen.",
            new Dictionary<string, string[]> { [Field] = [$"Bitte geben Sie {MinDays} bis {MaxDays} Tage an."] }),
        { } valid => Outcomes.Ok<FollowUpPeriod?>(new FollowUpPeriod(TimeSpan.FromDays(valid))),
    };

    /// <summary>A period already accepted once: as a command recorded in an orchestration's history carries it.</summary>
    internal static FollowUpPeriod Recorded(TimeSpan interval) => new(interval);
}
