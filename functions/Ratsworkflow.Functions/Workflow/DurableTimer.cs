using Microsoft.DurableTask;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// A durable timer for a legal deadline. The storage provider may fire a timer up to a second early, so a deadline is
/// only due once the orchestration's own clock has reached it; an early firing sets the timer again.
/// </summary>
public sealed class DurableTimer(TaskOrchestrationContext context, DateTime fireAt, CancellationToken cancellation)
{
    public DateTime FireAt => fireAt;

    public Task Fired { get; private set; } = context.CreateTimer(fireAt, cancellation);

    /// <summary>After <see cref="Fired"/> completed: whether the deadline has really passed (if not, it waits again).</summary>
    public bool IsDue()
    {
        if (context.CurrentUtcDateTime >= fireAt)
        {
            return true;
        }
        Fired = context.CreateTimer(fireAt, cancellation);
        return false;
    }

    /// <summary>Cancels synchronously: the orchestrator must stay on its replay thread, which CancelAsync would leave.</summary>
    public static void Cancel(CancellationTokenSource timers) => timers.Cancel();

    /// <summary>The end of a meeting day in the body's time zone, as UTC: a result is due from then on.</summary>
    public static DateTime EndOfDay(DateOnly day, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }
}
