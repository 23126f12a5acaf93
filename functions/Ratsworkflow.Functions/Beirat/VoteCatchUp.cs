namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// When a process starts, announces every Beirat round still open once. A process killed with announcements queued
/// (<see cref="VoteAnnouncer"/>) would otherwise leave a motion whose votes are all stored waiting until its deadline;
/// a count that finds nothing new costs one step. Runs beside the start, not in its way.
/// </summary>
public sealed class VoteCatchUp(BallotStore ballots, VoteAnnouncer announcer, ILogger<VoteCatchUp> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => AnnounceOpenAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task AnnounceOpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = 0;
            await foreach (var motionId in ballots.OpenMotionsAsync(cancellationToken))
            {
                await announcer.AnnounceAsync(motionId, "", cancellationToken);
                count++;
            }
            logger.LogInformation("Announced {Count} open Beirat votes at start.", count);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or System.Net.Http.HttpRequestException)
        {
            logger.LogWarning(ex, "Open Beirat votes could not be announced at start; they are counted at the next vote or the deadline.");
        }
    }
}
