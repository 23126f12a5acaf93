using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Ratsworkflow.Durable.Storage;
using Ratsworkflow.Durable.Worker;

namespace Ratsworkflow.Durable;

/// <summary>Starts, signals, queries and removes instances; named after Microsoft.DurableTask's client.</summary>
public sealed class DurableTaskClient
{
    private readonly TaskHubStorage _storage;
    private readonly InstanceStore _store;
    private readonly PayloadStore _payloads;
    private readonly DurableTaskRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly InstanceRewinder _rewinder;

    internal DurableTaskClient(TaskHubStorage storage, InstanceStore store, PayloadStore payloads, DurableTaskRegistry registry, TimeProvider clock, InstanceRewinder rewinder, IOptions<DurableTaskOptions> options)
    {
        _rewinder = rewinder;
        _storage = storage;
        _store = store;
        _payloads = payloads;
        _registry = registry;
        _clock = clock;
        Options = options.Value;
    }

    public DurableTaskOptions Options { get; }

    /// <summary>
    /// Stores the instance (Pending) and its start message in one transaction, then wakes a worker. Calling it again
    /// with the same id while the instance is still Pending only wakes the worker again, so retries are safe.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var version = options?.Version ?? _registry.LatestVersion(orchestratorName) ?? "1";
        var now = _clock.GetUtcNow();
        var serialized = DataConverter.Serialize(input);
        var row = InstanceRow.New(instanceId);
        row.Name = orchestratorName;
        row.Version = version;
        row.ExecutionId = Guid.NewGuid().ToString("N");
        row.Status = OrchestrationRuntimeStatus.Pending;
        row.CreatedAt = now;
        row.LastUpdatedAt = now;
        row.Input = await _payloads.PackAsync(instanceId, serialized);
        var start = new HistoryEvent { Type = HistoryEventType.ExecutionStarted, Timestamp = now.UtcDateTime, Name = orchestratorName, Version = version, Data = serialized };
        try
        {
            await _storage.Instances.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, row.Entity),
                new TableTransactionAction(TableTransactionActionType.Add, await _store.InboxRowAsync(instanceId, RowKeys.Start(row.ExecutionId), row.ExecutionId, start)),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            var existing = await _store.GetInstanceRowAsync(instanceId, cancellationToken);
            if (existing?.Status != OrchestrationRuntimeStatus.Pending)
            {
                throw new InvalidOperationException($"An orchestration instance '{instanceId}' already exists.", ex);
            }
        }
        await WakeAsync(instanceId, cancellationToken);
        return instanceId;
    }

    /// <summary>Delivers an event; throws <see cref="OrchestrationNotFoundException"/> for an unknown instance.</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        await EnsureRunningAsync(instanceId, cancellationToken);
        var e = new HistoryEvent { Type = HistoryEventType.EventRaised, Timestamp = _clock.GetUtcNow().UtcDateTime, Name = eventName, Data = DataConverter.Serialize(eventPayload) };
        await _storage.Instances.AddEntityAsync(await _store.InboxRowAsync(instanceId, RowKeys.Arrival('e'), null, e), cancellationToken);
        await WakeAsync(instanceId, cancellationToken);
    }

    public async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        await EnsureRunningAsync(instanceId, cancellationToken);
        var e = new HistoryEvent { Type = HistoryEventType.ExecutionTerminated, Timestamp = _clock.GetUtcNow().UtcDateTime, Data = DataConverter.Serialize(output) };
        await _storage.Instances.AddEntityAsync(await _store.InboxRowAsync(instanceId, RowKeys.Arrival('x'), null, e), cancellationToken);
        await WakeAsync(instanceId, cancellationToken);
    }

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        var row = await _store.GetInstanceRowAsync(instanceId, cancellationToken);
        return row is null ? null : await ToMetadataAsync(row, getInputsAndOutputs);
    }

    /// <summary>The current execution's history, e.g. to store as a golden history for replay tests.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        return await _store.GetHistoryAsync(instanceId, cancellationToken);
    }

    public AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? query = null) =>
        new InstancePageable(this, query ?? new OrchestrationQuery());

    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var instance = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken)
                ?? throw new OrchestrationNotFoundException(instanceId);
            if (instance.IsCompleted)
            {
                return instance;
            }
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 500));
        }
    }

    /// <summary>Removes a finished instance's rows and payloads; running instances are left alone (count 0).</summary>
    public async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        var row = await _store.GetInstanceRowAsync(instanceId, cancellationToken);
        if (row is null || !row.Status.IsTerminal())
        {
            return new PurgeResult(0);
        }
        var keys = new List<string>();
        await foreach (var entity in _storage.Instances.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }
        await _payloads.DeleteAllAsync(instanceId);
        // The instance row goes last, so an interrupted purge is found and finished by the next one.
        await _store.DeleteRowsAsync(instanceId, keys.Where(k => k != RowKeys.Instance), cancellationToken);
        await _store.DeleteRowsAsync(instanceId, [RowKeys.Instance], cancellationToken);
        return new PurgeResult(1);
    }

    /// <summary>Purges finished instances matching <paramref name="filter"/>, page by page, until the budget is spent.</summary>
    public async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, int maxInstances = 1000, TimeSpan? timeBudget = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeBudget ?? TimeSpan.FromSeconds(30));
        var statuses = filter.Statuses ?? [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        var query = new OrchestrationQuery { CreatedFrom = filter.CreatedFrom, CreatedTo = filter.CreatedTo, Statuses = statuses.Where(s => s.IsTerminal()).ToList(), PageSize = 100 };
        var purged = 0;
        await foreach (var instance in GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (purged >= maxInstances || DateTime.UtcNow > deadline)
            {
                return new PurgeResult(purged, IsComplete: false);
            }
            purged += (await PurgeInstanceAsync(instance.InstanceId, cancellationToken)).PurgedInstanceCount;
        }
        return new PurgeResult(purged);
    }

    /// <summary>
    /// Retries the step that failed: a poisoned message is sent again, an activity whose last attempt failed is called
    /// again, and the instance runs on from where it stopped. Returns false when the instance did not fail that way or
    /// another rewind won. <paramref name="beforeResuming"/> runs only for the rewind that won, before the instance can
    /// take its next step (e.g. to put the app's own record back, which the step may then change).
    /// </summary>
    public Task<bool> RewindInstanceAsync(string instanceId, Func<CancellationToken, Task>? beforeResuming = null, CancellationToken cancellationToken = default) =>
        _rewinder.RewindAsync(instanceId, beforeResuming, cancellationToken);

    internal async Task<Page<OrchestrationMetadata>> QueryPageAsync(OrchestrationQuery query, string? continuation, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        var filter = InstanceQueryFilter.Build(query);
        await foreach (var page in _storage.Instances.QueryAsync<TableEntity>(filter, maxPerPage: query.PageSize, cancellationToken: cancellationToken).AsPages(continuation, query.PageSize))
        {
            var items = new List<OrchestrationMetadata>();
            foreach (var entity in page.Values)
            {
                items.Add(await ToMetadataAsync(new InstanceRow(entity), query.FetchInputsAndOutputs));
            }
            return Page<OrchestrationMetadata>.FromValues(items, page.ContinuationToken, page.GetRawResponse());
        }
        throw new InvalidOperationException("The table query returned no page.");
    }

    private async Task<OrchestrationMetadata> ToMetadataAsync(InstanceRow row, bool withPayloads)
    {
        var metadata = row.ToMetadata(withPayloads);
        return metadata with
        {
            SerializedInput = await _payloads.UnpackAsync(metadata.SerializedInput),
            SerializedOutput = await _payloads.UnpackAsync(metadata.SerializedOutput),
            SerializedCustomStatus = await _payloads.UnpackAsync(metadata.SerializedCustomStatus),
        };
    }

    private async Task EnsureRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken);
        var row = await _store.GetInstanceRowAsync(instanceId, cancellationToken) ?? throw new OrchestrationNotFoundException(instanceId);
        if (row.Status.IsTerminal())
        {
            throw new InvalidOperationException($"Orchestration instance '{instanceId}' has already finished ({row.Status}).");
        }
    }

    private async Task WakeAsync(string instanceId, CancellationToken cancellationToken) =>
        await _storage.SendAsync(QueueKind.Control, new WakeUpMessage(instanceId).ToJson(), cancellationToken);
}
