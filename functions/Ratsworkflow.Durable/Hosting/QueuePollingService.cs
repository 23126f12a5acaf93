using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable;

/// <summary>
/// The local trigger runner: polls the control and work-item queues (competing consumers, so several processes can
/// share them) and fires due timers. In Azure the Functions host does this instead.
/// </summary>
internal sealed class QueuePollingService(DurableTaskWorker worker, TaskHubStorage storage, ILogger<QueuePollingService> logger) : BackgroundService
{
    private readonly DurableTaskOptions _options = worker.Options;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunLocalTriggers)
        {
            return;
        }
        await RetryUntilReachableAsync(() => worker.EnsureStorageAsync(stoppingToken), stoppingToken);
        await Task.WhenAll(
            PollAsync(QueueKind.Control, _options.MaxConcurrentOrchestrations, stoppingToken),
            PollAsync(QueueKind.WorkItems, _options.MaxConcurrentActivities, stoppingToken),
            EveryAsync(_options.TimerPollingInterval, worker.FireDueTimersAsync, stoppingToken),
            EveryAsync(_options.PendingRepairAfter, worker.RepairPendingInstancesAsync, stoppingToken));
    }

    private async Task PollAsync(QueueKind kind, int concurrency, CancellationToken stoppingToken)
    {
        var queue = storage.Queue(kind);
        var slots = new SemaphoreSlim(concurrency, concurrency);
        var delay = _options.MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await slots.WaitAsync(stoppingToken);
                var free = slots.CurrentCount + 1;
                slots.Release();
                QueueMessage[] messages = (await queue.ReceiveMessagesAsync(Math.Min(32, free), _options.MessageLeaseTime, stoppingToken)).Value;
                if (messages.Length == 0)
                {
                    // Back off while idle, but wake at once when this process enqueues (its own next step, mostly).
                    var woken = await storage.Signal(kind).WaitAsync(delay, stoppingToken);
                    delay = woken ? _options.MinPollingInterval : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollingInterval.Ticks));
                    continue;
                }
                delay = _options.MinPollingInterval;
                foreach (var message in messages)
                {
                    await slots.WaitAsync(stoppingToken);
                    _ = Task.Run(async () =>
                    {
                        try
                        {
                            await HandleAsync(kind, message, stoppingToken);
                        }
                        finally
                        {
                            slots.Release();
                        }
                    }, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling {Queue} failed; storage unreachable? Trying again.", kind);
                await DelayQuietly(_options.MaxPollingInterval, stoppingToken);
            }
        }
        // Let in-flight messages finish so a graceful stop does not leave them to the lease timeout.
        for (var i = 0; i < concurrency; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private async Task HandleAsync(QueueKind kind, QueueMessage message, CancellationToken stoppingToken)
    {
        var queue = storage.Queue(kind);
        try
        {
            await worker.HandleMessageAsync(kind, message.Body.ToString(), message.DequeueCount, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception) when (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: _options.RetryDelay, cancellationToken: CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogDebug(ex, "Could not shorten the lease of a failed message; it reappears when the lease ends.");
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the message reappears when its lease ends.
        }
    }

    private async Task EveryAsync(TimeSpan interval, Func<CancellationToken, Task<int>> work, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Background engine work failed; trying again.");
            }
            await DelayQuietly(interval, stoppingToken);
        }
    }

    private async Task RetryUntilReachableAsync(Func<Task> action, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await action();
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Storage not reachable yet; trying again.");
                await DelayQuietly(_options.MaxPollingInterval, stoppingToken);
            }
        }
    }

    private static async Task DelayQuietly(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
