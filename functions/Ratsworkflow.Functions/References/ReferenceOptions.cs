namespace Ratsworkflow.Functions.References;

/// <summary>Configuration section <c>References</c>.</summary>
public sealed class ReferenceOptions
{
    public const string Section = "References";

    /// <summary>Prefix of the default series, e.g. "A" for council motions (A/2026/0042).</summary>
    public string Prefix { get; set; } = "A";

    public string TableName { get; set; } = "References";

    /// <summary>Optimistic-concurrency attempts before giving up; many concurrent registrations need a few each.</summary>
    public int MaxAttempts { get; set; } = 200;
}
