namespace Ratsworkflow.Functions.Motions;

/// <summary>Votes of a Beirat or a meeting: JSON <c>{ yes, no, abstain }</c>.</summary>
public sealed record VoteCount(int Yes, int No, int Abstain)
{
    public static VoteCount None { get; } = new(0, 0, 0);

    /// <summary>The most votes one choice can have: far above any council, low enough to catch a typing slip.</summary>
    public const int MaxPerChoice = 10_000;

    private static readonly System.Globalization.CultureInfo German = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Why the counts cannot be recorded, or null: the one check of the API and the result forms alike.</summary>
    public string? Problem() =>
        Yes < 0 || No < 0 || Abstain < 0 ? "Die Stimmenzahlen dürfen nicht negativ sein."
        : Yes > MaxPerChoice || No > MaxPerChoice || Abstain > MaxPerChoice ? $"Eine Stimmenzahl darf höchstens {MaxPerChoice.ToString("N0", German)} betragen."
        : null;

    public int Total => Yes + No + Abstain;
}
