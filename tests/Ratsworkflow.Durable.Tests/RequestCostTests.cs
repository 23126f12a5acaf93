using Azure.Storage.Queues;
using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;
using Xunit.Abstractions;

namespace Ratsworkflow.Durable.Tests;

/// <summary>
/// Drives the engine by hand (no polling), so every storage request of a step is counted exactly. The bounds guard
/// against regressions; the figures are printed for docs/benchmarks.md.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class RequestCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task StorageRequests_ActivityCompletionAndExternalEvent_StayWithinTheirBudget()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, configure: o => o.RunLocalTriggers = false);
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var control = queues.GetQueueClient(engine.Hub + "-control");
        var work = queues.GetQueueClient(engine.Hub + "-workitems");

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(0, 2));
        await PumpAsync(control, QueueKind.Control, engine);            // start: schedules activity 1
        engine.Requests.Reset();
        await PumpAsync(work, QueueKind.WorkItems, engine);             // activity 1 runs, completion delivered
        await PumpAsync(control, QueueKind.Control, engine);            // completion applied, activity 2 scheduled
        var activityStep = engine.Requests.Snapshot();

        var waiting = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        await PumpAsync(control, QueueKind.Control, engine);
        engine.Requests.Reset();
        await engine.Client.RaiseEventAsync(waiting, "Approval", "ja");
        await PumpAsync(control, QueueKind.Control, engine);
        var eventStep = engine.Requests.Snapshot();

        // Each pumped message also costs the trigger one receive and one delete (4 and 2 here).
        output.WriteLine("activity completion: " + Describe(activityStep) + " + 4 trigger requests");
        output.WriteLine("external event:      " + Describe(eventStep) + " + 2 trigger requests");
        Assert.True(activityStep.Values.Sum() + 4 <= 10, Describe(activityStep));
        Assert.True(eventStep.Values.Sum() + 2 <= 7, Describe(eventStep));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    private static string Describe(IReadOnlyDictionary<string, long> counts) =>
        $"{counts.Values.Sum()} requests (" + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")) + ")";

    /// <summary>Receives one message, hands it to the worker, deletes it: what the trigger runner does for one message.</summary>
    private static async Task PumpAsync(QueueClient queue, QueueKind kind, EngineHost engine)
    {
        var message = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value ?? throw new InvalidOperationException($"No message on {kind}.");
        await engine.Worker.HandleMessageAsync(kind, message.Body.ToString(), message.DequeueCount, CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }
}
