namespace Ratsworkflow.Functions.Workflow;

internal static class DurableTimers
{
    /// <summary>
    /// Cancels synchronously: the orchestrator must stay on its replay thread, which CancelAsync would leave.
    /// Not an async method, so the analyzer does not ask for CancelAsync here.
    /// </summary>
    public static void Cancel(CancellationTokenSource? timers) => timers?.Cancel();

    /// <summary>The end of a meeting day in the body's time zone, as UTC: a result is due from then on.</summary>
    public static DateTime EndOfDay(DateOnly day, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }
}
