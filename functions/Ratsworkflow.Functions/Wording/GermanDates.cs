
namespace Ratsworkflow.Functions.Wording;

/// <summary>
/// Deadlines as a German reader expects them. A deadline at midnight in the municipality stands for "by the end of the
/// day before" (a meeting's result is due after the meeting day): it shows as that day, without a fake "00:00 Uhr".
/// </summary>
public static class GermanDates
{
    /// <summary>"3. März 2026, 18:00 Uhr", or "3. März 2026" for a deadline at the end of that day.</summary>
    public static string Deadline(DateTimeOffset instant) =>
        EndOfDay(instant) is { } day ? GermanFormat.Date(day) : GermanFormat.DateTime(instant);

    /// <summary>"03.03.2026 18:00", or "03.03.2026" for a deadline at the end of that day — for tables and exports.</summary>
    public static string ShortDeadline(DateTimeOffset instant) =>
        EndOfDay(instant) is { } day ? GermanFormat.ShortDate(day) : GermanFormat.ShortDateTime(instant);

    private static DateOnly? EndOfDay(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, GermanFormat.TimeZone);
        return local.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(local.DateTime).AddDays(-1) : null;
    }
}
