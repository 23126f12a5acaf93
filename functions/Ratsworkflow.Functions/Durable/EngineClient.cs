using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Ratsworkflow.Functions.Durable;

/// <summary>
/// The app's <see cref="DurableTaskClient"/> over the Azure Storage provider's own client interface: the same client
/// type Durable Functions hands to a <c>[DurableClient]</c>, without a gRPC sidecar in between (docs/engine.md).
/// </summary>
public sealed class EngineClient(IOrchestrationServiceClient service, DataConverter converter) : DurableTaskClient("ratsworkflow")
{
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? "",
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
        };
        // Only a running or pending instance of that id blocks a new start (the engine's default dedupe rule).
        await service.CreateTaskOrchestrationAsync(
            new TaskMessage { OrchestrationInstance = instance, Event = started },
            [CoreStatus.Running, CoreStatus.Pending, CoreStatus.Suspended]);
        return instanceId;
    }

    /// <summary>An event for an instance that does not exist is an error the caller sees, not a message nobody reads.</summary>
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null,
        CancellationToken cancellation = default)
    {
        var state = await GetInstanceAsync(instanceId, cancellation)
            ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
        if (state.IsCompleted)
        {
            throw new InvalidOperationException($"The orchestration instance '{instanceId}' has ended ({state.RuntimeStatus}).");
        }
        await SendAsync(instanceId, new EventRaisedEvent(-1, converter.Serialize(eventPayload)) { Name = eventName });
    }

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null,
        CancellationToken cancellation = default) =>
        service.ForceTerminateTaskOrchestrationAsync(instanceId, converter.Serialize(options?.Output));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        // The provider answers an unknown id with a list holding null.
        var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states?.FirstOrDefault(s => s is not null) is { } state ? ToMetadata(state) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var queries = (DurableTask.Core.Query.IOrchestrationServiceQueryClient)service;
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var result = await queries.GetOrchestrationWithQueryAsync(new DurableTask.Core.Query.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(s => (CoreStatus)(int)s).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            }, cancellation);
            return new Page<OrchestrationMetadata>(result.OrchestrationState.Select(ToMetadata).ToList(), result.ContinuationToken);
        });
    }

    /// <summary>Deletes a finished instance's history and state; a running one is refused.</summary>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null,
        CancellationToken cancellation = default)
    {
        if (await GetInstanceAsync(instanceId, cancellation) is not { } state)
        {
            return new PurgeResult(0);
        }
        if (!state.IsCompleted)
        {
            throw new InvalidOperationException(
                $"The orchestration instance '{instanceId}' is {state.RuntimeStatus}; only ended instances can be purged.");
        }
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null,
        CancellationToken cancellation = default)
    {
        var result = await ((IOrchestrationServicePurgeClient)service).PurgeInstanceStateAsync(new DurableTask.Core.PurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(s => (CoreStatus)(int)s)));
        return new PurgeResult(result.DeletedInstanceCount);
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        while (true)
        {
            var state = await GetInstanceAsync(instanceId, cancellation)
                ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
            if (state.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return state;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default)
    {
        while (true)
        {
            var state = await GetInstanceAsync(instanceId, cancellation)
                ?? throw new InvalidOperationException($"There is no orchestration instance '{instanceId}'.");
            if (state.IsCompleted)
            {
                return state;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellation);
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent message) =>
        service.SendTaskOrchestrationMessageAsync(
            new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = message });

    private OrchestrationMetadata ToMetadata(OrchestrationState state) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = converter,
        RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
        CreatedAt = state.CreatedTime,
        LastUpdatedAt = state.LastUpdatedTime,
        SerializedInput = state.Input,
        SerializedOutput = state.Output,
        SerializedCustomStatus = state.Status,
        FailureDetails = state.FailureDetails is { } failure
            ? new TaskFailureDetails(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, null, null)
            : null,
    };
}
