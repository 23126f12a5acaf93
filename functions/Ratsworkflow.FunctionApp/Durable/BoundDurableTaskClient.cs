using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Entities;

namespace Ratsworkflow.FunctionApp.Durable;

/// <summary>
/// The <see cref="DurableTaskClient"/> the app's services (submission, commands, votes, retention) take from DI, in the
/// Functions host. The isolated worker offers its client only as a <c>[DurableClient]</c> binding of an invocation
/// (there is no client factory for DI: azure-functions-durable-extension#2698), so every function that runs app code
/// binds one and hands it over with <see cref="Bind"/>; this class forwards each call to it.
/// </summary>
/// <remarks>
/// One client for all: the extension caches the underlying gRPC client per host endpoint and task hub, so every binding
/// of this app points at the same task hub; keeping the newest is enough and needs no per-request state.
/// </remarks>
public sealed class BoundDurableTaskClient() : DurableTaskClient("ratsworkflow")
{
    private DurableTaskClient? _client;

    /// <summary>Called by each function with the client of its binding, before any app code runs.</summary>
    public void Bind(DurableTaskClient client) => Volatile.Write(ref _client, client ?? throw new ArgumentNullException(nameof(client)));

    private DurableTaskClient Client => Volatile.Read(ref _client)
        ?? throw new InvalidOperationException("No Durable client is bound yet: app code ran outside a function that binds [DurableClient].");

    public override DurableEntityClient Entities => Client.Entities;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        Client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null,
        CancellationToken cancellation = default) =>
        Client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) =>
        Client.WaitForInstanceStartAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) =>
        Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs, cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null,
        CancellationToken cancellation = default) =>
        Client.TerminateInstanceAsync(instanceId, options, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Client.SuspendInstanceAsync(instanceId, reason, cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        Client.ResumeInstanceAsync(instanceId, reason, cancellation);

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false,
        CancellationToken cancellation = default) =>
        Client.GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Client.GetAllInstancesAsync(filter);

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null,
        CancellationToken cancellation = default) =>
        Client.PurgeInstanceAsync(instanceId, options, cancellation);

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null,
        CancellationToken cancellation = default) =>
        Client.PurgeAllInstancesAsync(filter, options, cancellation);

    public override Task RewindInstanceAsync(string instanceId, string reason, CancellationToken cancellation = default) =>
        Client.RewindInstanceAsync(instanceId, reason, cancellation);

    public override Task<string> RestartAsync(string instanceId, bool restartWithNewInstanceId = false, CancellationToken cancellation = default) =>
        Client.RestartAsync(instanceId, restartWithNewInstanceId, cancellation);

    /// <summary>The bound client belongs to the extension's client provider, which disposes it; nothing to do here.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
