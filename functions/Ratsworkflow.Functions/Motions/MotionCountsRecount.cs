using Ratsworkflow.Functions.Periodic;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// Sets the dashboard's counters to what the lists hold (<see cref="MotionCounts.RecountAsync"/>): on the first tick
/// after a process starts — so counters of motions stored before counters existed appear within a minute — and then
/// every <see cref="Interval"/>. Counting reads every row of the stage lists, so it runs seldom and off the page path;
/// a run on several instances at once is harmless (each correction is a delta on an unchanged counter).
/// </summary>
public sealed class MotionCountsRecount(MotionIndex index, TimeProvider clock, ILogger<MotionCountsRecount> logger) : IPeriodicWork
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private DateTimeOffset? _last;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_last is { } last && now - last < Interval)
        {
            return;
        }
        var corrected = await index.Counts.RecountAsync(index, MotionIndex.CountedPartitions, cancellationToken);
        _last = now;
        if (corrected > 0)
        {
            logger.LogInformation("Dashboard counters corrected for {Lists} lists.", corrected);
        }
    }
}
