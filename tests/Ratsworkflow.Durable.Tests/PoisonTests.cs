using Azure.Storage.Queues;
using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class PoisonTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PoisonMessage_AfterMaxDequeueCount_GoesToPoisonQueueAndFailsOnlyItsInstance()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, configure: o => o.MaxDequeueCount = 3);
        var victim = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        await engine.WaitForCustomStatusAsync(victim, "\"waiting\"");
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var malformed = $$"""{"id":"{{victim}}","executionId":"x","taskId":0,"name":"AddActivity","input":"blob://{{victim}}/missing"}""";

        await queues.GetQueueClient(engine.Hub + "-workitems").SendMessageAsync(malformed);
        var bystander = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(1, 3));

        Assert.Equal(4, (await engine.WaitForCompletionAsync(bystander)).ReadOutputAs<int>());
        var failed = await engine.WaitForCompletionAsync(victim);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal("PoisonMessage", failed.FailureDetails!.ErrorType);
        Assert.Contains("BlobNotFound", failed.FailureDetails.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        var poisoned = (await queues.GetQueueClient(engine.Hub + "-workitems-poison").PeekMessagesAsync(10)).Value;
        Assert.Equal(malformed, Assert.Single(poisoned).Body.ToString());
    }

    [Fact]
    public async Task PoisonMessage_Unreadable_GoesToPoisonQueueAndOthersKeepRunning()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, configure: o => o.MaxDequeueCount = 2);
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(0, 2));
        await queues.GetQueueClient(engine.Hub + "-control").SendMessageAsync("<kein json>");

        Assert.Equal(2, (await engine.WaitForCompletionAsync(id)).ReadOutputAs<int>());
        var poison = queues.GetQueueClient(engine.Hub + "-control-poison");
        var until = DateTime.UtcNow.AddSeconds(20);
        while ((await poison.PeekMessagesAsync(10)).Value.Length == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        Assert.Equal("<kein json>", Assert.Single((await poison.PeekMessagesAsync(10)).Value).Body.ToString());
    }

    [Fact]
    public async Task RewindInstanceAsync_AfterPoison_RetriesTheStepAndTheInstanceContinues()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, configure: o => o.MaxDequeueCount = 2);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        await engine.WaitForCustomStatusAsync(id, "\"waiting\"");
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var broken = $$"""{"id":"{{id}}","executionId":"x","taskId":0,"name":"AddActivity","input":"blob://{{id}}/missing"}""";
        await queues.GetQueueClient(engine.Hub + "-workitems").SendMessageAsync(broken);
        await engine.WaitForCompletionAsync(id);

        Assert.True(await engine.Client.RewindInstanceAsync(id));

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);
        await engine.Client.RaiseEventAsync(id, "Approval", "a");
        // The retried message still points at a missing blob, so it is poisoned a second time.
        var again = await engine.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, again.RuntimeStatus);
        Assert.Equal(2, (await queues.GetQueueClient(engine.Hub + "-workitems-poison").PeekMessagesAsync(10)).Value.Length);
        var healthy = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        Assert.False(await engine.Client.RewindInstanceAsync(healthy));
    }
}
