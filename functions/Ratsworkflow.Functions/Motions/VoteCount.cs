namespace Ratsworkflow.Functions.Motions;

/// <summary>Votes of a Beirat or a meeting: JSON <c>{ yes, no, abstain }</c>.</summary>
public sealed record VoteCount(int Yes, int No, int Abstain)
{
    public static VoteCount None { get; } = new(0, 0, 0);

    public int Total => Yes + No + Abstain;
}
