using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable;

/// <summary>
/// The engine's entry points for triggers: the local queue poller calls these, and so does the Azure Functions
/// custom handler when the Functions host delivers a queue or timer trigger.
/// </summary>
public sealed class DurableTaskWorker
{
    private readonly SemaphoreSlim[] _instanceLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly Worker.OrchestrationProcessor _orchestrations;
    private readonly Worker.ActivityProcessor _activities;
    private readonly Worker.TimerProcessor _timers;
    private readonly Worker.PoisonHandler _poison;
    private readonly TaskHubStorage _storage;
    private readonly DurableTaskOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DurableTaskWorker> _logger;

    internal DurableTaskWorker(
        Worker.OrchestrationProcessor orchestrations,
        Worker.ActivityProcessor activities,
        Worker.TimerProcessor timers,
        Worker.PoisonHandler poison,
        TaskHubStorage storage,
        IOptions<DurableTaskOptions> options,
        TimeProvider clock,
        ILogger<DurableTaskWorker> logger)
    {
        _orchestrations = orchestrations;
        _activities = activities;
        _timers = timers;
        _poison = poison;
        _storage = storage;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    public DurableTaskOptions Options => _options;

    public Task EnsureStorageAsync(CancellationToken cancellationToken = default) => _storage.EnsureCreatedAsync(cancellationToken);

    /// <summary>
    /// Processes one queue message. Returns when it is done with (processed, or moved to the poison queue on its
    /// last attempt); throws when it should be delivered again.
    /// </summary>
    public async Task HandleMessageAsync(QueueKind kind, string text, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == QueueKind.Control)
            {
                var id = MessageParser.Parse<WakeUpMessage>(text).Id;
                var gate = _instanceLocks[(StringComparer.Ordinal.GetHashCode(id) & int.MaxValue) % _instanceLocks.Length];
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await _orchestrations.ProcessAsync(id, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }
            else
            {
                await _activities.ProcessAsync(MessageParser.Parse<WorkItemMessage>(text), cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && dequeueCount >= _options.MaxDequeueCount)
        {
            await _poison.MoveToPoisonAsync(kind, text, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "Message on {Queue} failed (attempt {Attempt} of {Max}); it will be retried.", kind, dequeueCount, _options.MaxDequeueCount);
            throw;
        }
    }

    public Task<int> FireDueTimersAsync(CancellationToken cancellationToken) => _timers.FireDueTimersAsync(cancellationToken);

    /// <summary>
    /// Re-sends the start of instances still Pending long after creation: the client may have died between storing
    /// the instance and sending its first message.
    /// </summary>
    public async Task<int> RepairPendingInstancesAsync(CancellationToken cancellationToken)
    {
        var before = _clock.GetUtcNow() - _options.PendingRepairAfter;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKeys.Instance} and Status eq {nameof(OrchestrationRuntimeStatus.Pending)} and CreatedAt le {before}");
        var repaired = 0;
        await foreach (var row in _storage.Instances.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            await _storage.SendAsync(QueueKind.Control, new WakeUpMessage(row.PartitionKey).ToJson(), cancellationToken);
            repaired++;
        }
        return repaired;
    }
}
