using System.Globalization;

namespace Ratsworkflow.Durable.Storage;

/// <summary>
/// Row keys inside an instance's partition. Inbox keys of completions are derived from the task id, so a completion
/// delivered twice lands on the same row; "0start" sorts first so a start is applied before early events.
/// </summary>
internal static class RowKeys
{
    public const string Instance = "!";
    public const string HistoryPrefix = "h|";
    public const string InboxPrefix = "i|";
    public const string OutboxPrefix = "o|";

    private static long s_lastTicks;

    public static string History(string executionId, int sequence) => $"h|{executionId}|{sequence:D6}";

    public static string Outbox(string executionId, int sequence) => $"o|{executionId}|{sequence:D6}";

    /// <summary>A rewind's outbox row sorts after the failed step's own, whose cancellations it undoes.</summary>
    public const string RewindSuffix = "|rewind";

    public static string Start(string executionId) => $"i|0start|{executionId}";

    public static string Completion(string executionId, int taskId) => $"i|t|{executionId}|{taskId:D6}";

    public static string TimerFired(string executionId, int taskId) => $"i|f|{executionId}|{taskId:D6}";

    /// <summary>
    /// Events carried into a new execution by ContinueAsNew arrived before anything still in the inbox, so they sort
    /// before new arrivals ("c" &lt; "e") and keep their order among themselves.
    /// </summary>
    public static string Carried(string executionId, int index) => $"i|c|{executionId}|{index:D6}";

    /// <summary>Events and terminations are ordered by arrival: strictly increasing ticks within this process.</summary>
    public static string Arrival(char kind)
    {
        var now = DateTime.UtcNow.Ticks;
        long ticks;
        long last;
        do
        {
            last = Interlocked.Read(ref s_lastTicks);
            ticks = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref s_lastTicks, ticks, last) != last);
        return $"i|{kind}|{ticks.ToString("D19", CultureInfo.InvariantCulture)}|{Guid.NewGuid():N}";
    }
}
