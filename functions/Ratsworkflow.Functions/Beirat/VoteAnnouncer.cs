using System.Threading.Channels;
using Microsoft.DurableTask.Client;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Beirat;

/// <summary>
/// Tells a motion's orchestrator that a vote arrived, after the member already has the answer. The vote is stored in
/// the ballot before the answer and counts at the close in any case; the announcement only lets the orchestrator count
/// early and close once the outcome is certain. Off the click path a vote costs four storage calls instead of six
/// (docs/benchmarks.md). A process that dies with announcements still queued loses only the early close until the
/// next vote or the deadline — the same as an announcement that fails.
/// </summary>
public sealed class VoteAnnouncer(DurableTaskClient engine, ILogger<VoteAnnouncer> logger) : IHostedService
{
    private const int Senders = 8;

    private readonly Channel<(string MotionId, string MemberId)> _queue =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    private Task _sending = Task.CompletedTask;

    /// <summary>Queues the announcement; waits only when 10,000 are already queued.</summary>
    public ValueTask AnnounceAsync(string motionId, string memberId, CancellationToken cancellationToken) =>
        _queue.Writer.WriteAsync((motionId, memberId), cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sending = Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendAllAsync, CancellationToken.None)));
        return Task.CompletedTask;
    }

    /// <summary>What is queued still goes out; the host's shutdown time ends the wait, not the sending.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task SendAllAsync()
    {
        await foreach (var (motionId, memberId) in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
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
}
