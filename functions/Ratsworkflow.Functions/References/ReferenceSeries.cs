using System.Globalization;

namespace Ratsworkflow.Functions.References;

/// <summary>
/// Row layout of one numbering series (one prefix, i.e. one body) in one partition, so the counter and a motion's
/// reservation can change in one entity-group transaction. The partition spans all years: a motion registered
/// again after New Year finds its reservation from the old year.
/// </summary>
internal static class ReferenceSeries
{
    public static string PartitionKey(string prefix) => "series-" + prefix;

    public static string CounterRow(int year) => "counter-" + year.ToString(CultureInfo.InvariantCulture);

    public static string MotionRow(string motionId) => "motion-" + motionId;

    /// <summary>One row per issued number: a second motion can never be stored under the same number.</summary>
    public static string NumberRow(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"number-{year}-{number:D9}");

    /// <summary>Letters, digits and '-': readable in a reference and safe in a table key.</summary>
    public static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= 16 } && prefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Table keys forbid '/', '\', '#', '?' and control characters; motion ids are ours, so refuse rather than encode.</summary>
    public static bool IsValidMotionId(string? motionId) =>
        motionId is { Length: > 0 and <= 200 } && !motionId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
