namespace Ratsworkflow.Functions.Beirat;

/// <summary>The parts of the Beirat vote a Geschäftsordnung may set differently (configuration section <c>Beirat</c>).</summary>
public sealed record BeiratRules
{
    public const string Section = "Beirat";

    /// <summary>
    /// The quorum: more than this share of the voting members must have cast a vote (abstentions count).
    /// Default 0.5, "more than half". A decimal, so e.g. 2/3 of 9 members is exactly 6, not 5.999….
    /// </summary>
    public decimal QuorumShare { get; init; } = 0.5m;

    public bool IsValid => QuorumShare is >= 0m and < 1m;
}
