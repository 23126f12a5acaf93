namespace Ratsworkflow.Functions.Periodic;

/// <summary>
/// The local server's timer for the periodic work: every <c>ratsworkflow:periodicWorkInterval</c> (host.json, default
/// one minute; zero turns it off), first after one interval, like a Functions timer trigger without <c>runOnStartup</c>.
/// </summary>
internal sealed class PeriodicWorkService(PeriodicWorkRunner runner, IConfiguration configuration, TimeProvider clock) : BackgroundService
{
    public const string IntervalKey = "ratsworkflow:periodicWorkInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalKey, TimeSpan.FromMinutes(1));
        if (interval <= TimeSpan.Zero)
        {
            // Off: tests that move a fake clock run the work themselves, so no tick races their own call.
            return;
        }
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await runner.RunAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
