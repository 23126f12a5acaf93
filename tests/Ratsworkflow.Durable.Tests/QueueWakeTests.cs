using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

/// <summary>The local pollers sleep between empty polls; what this process enqueues itself wakes them.</summary>
[Collection(EngineCollection.Name)]
public sealed class QueueWakeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ScheduleNewOrchestration_PollersSleepTenMinutes_ChainRunsOnTheProcessesOwnWakeUps()
    {
        // Every empty poll sleeps ten minutes: only the wake-ups of the client, the outbox and the activities can
        // move the chain (start → 5 activities → 5 completions) before the test's timeout.
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, configure: o =>
        {
            o.MinPollingInterval = TimeSpan.FromMinutes(10);
            o.MaxPollingInterval = TimeSpan.FromMinutes(10);
        });

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(10, 5));
        var done = await engine.WaitForCompletionAsync(id, TimeSpan.FromMinutes(2));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(15, done.ReadOutputAs<int>());
    }
}
