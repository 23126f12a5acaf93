using System.Threading.Channels;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// Tells a motion's orchestrator that a vote arrived, after the member already has the answer. The vote is stored in
/// the ballot before the answer and counts at the close in any case; the announcement only lets the orchestrator count
/// early and close once the outcome is certain. A process that dies with announcements still queued loses only the
/// early close until the next vote or the deadline — the same as an announcement that fails.
/// </summary>
/// <remarks>
/// Announcements wait until no vote has come for <see cref="QuietPeriod"/> (at most <see cref="MaxDelay"/>) and go out
/// one per motion: the orchestrators' counting then does not compete with a burst of votes for the storage, whose
/// members are still waiting for their answers, and a Beirat voting together is counted once, not once per member
/// (docs/benchmarks.md, "Vote latency").
/// </remarks>
public sealed class VoteAnnouncer(DurableTaskClient engine, TimeProvider clock, ILogger<VoteAnnouncer> logger) : IHostedService
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);
    private const int Senders = 8;

    private readonly Channel<(string MotionId, string MemberId)> _queue =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    private Task _sending = Task.CompletedTask;

    /// <summary>Queues the announcement; waits only when 10,000 are already queued.</summary>
    public ValueTask AnnounceAsync(string motionId, string memberId, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync((motionId, memberId), cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sending = Task.Run(SendAllAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>What is queued still goes out at once; the host's shutdown time ends the wait, not the sending.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SendAllAsync()
    {
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            var batch = await CollectAsync();
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = Senders }, SendAsync);
        }
    }

    /// <summary>The latest member per motion among the announcements until the queue is quiet, completed or waited long enough.</summary>
    private async Task<Dictionary<string, string>> CollectAsync()
    {
        var batch = new Dictionary<string, string>(StringComparer.Ordinal);
        var since = clock.GetTimestamp();
        while (true)
        {
            while (_queue.Reader.TryRead(out var announcement))
            {
                batch[announcement.MotionId] = announcement.MemberId;
            }
            if (clock.GetElapsedTime(since) >= MaxDelay)
            {
                return batch;
            }
            using var quiet = new CancellationTokenSource(QuietPeriod, clock);
            try
            {
                if (!await _queue.Reader.WaitToReadAsync(quiet.Token))
                {
                    return batch;
                }
            }
            catch (OperationCanceledException) when (quiet.IsCancellationRequested)
            {
                return batch;
            }
        }
    }

    private async ValueTask SendAsync(KeyValuePair<string, string> announcement, CancellationToken cancellationToken)
    {
        var (motionId, memberId) = announcement;
        try
        {
            await engine.RaiseEventAsync(motionId, VoteArrived.EventName, new VoteArrived(memberId), CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Azure.RequestFailedException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Motion {MotionId}: a vote was stored but could not be announced to the workflow.", motionId);
        }
    }
}
