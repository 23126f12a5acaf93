using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class QueryAndPurgeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GetAllInstancesAsync_ByStatusWithSmallPages_ReturnsEachInstanceOnceAcrossContinuations()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var completed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            completed.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(i, 1)));
        }
        var waiting = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        foreach (var id in completed)
        {
            await engine.WaitForCompletionAsync(id);
        }
        await engine.WaitForCustomStatusAsync(waiting, "\"waiting\"");

        var pages = new List<IReadOnlyList<OrchestrationMetadata>>();
        await foreach (var page in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 2 }).AsPages())
        {
            pages.Add(page.Values);
        }
        var running = new List<OrchestrationMetadata>();
        await foreach (var instance in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running] }))
        {
            running.Add(instance);
        }

        Assert.True(pages.Count >= 3);
        Assert.Equal(completed.Order(), pages.SelectMany(p => p).Select(m => m.InstanceId).Order());
        Assert.Equal(waiting, Assert.Single(running).InstanceId);
        Assert.Equal("waiting", running[0].ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task GetAllInstancesAsync_ByCreatedTime_ReturnsOnlyThatWindow()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var early = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(0, 1));
        engine.Clock.Advance(TimeSpan.FromDays(10));
        var late = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(0, 1));

        var found = new List<string>();
        await foreach (var m in engine.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = engine.Clock.GetUtcNow().AddDays(-1) }))
        {
            found.Add(m.InstanceId);
        }

        Assert.Equal([late], found);
        Assert.NotEqual(early, late);
    }

    [Fact]
    public async Task PurgeAllInstancesAsync_InPages_RemovesFinishedInstancesAndLeavesRunningOnes()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var finished = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            finished.Add(await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(i, 2)));
        }
        var running = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        foreach (var id in finished)
        {
            await engine.WaitForCompletionAsync(id);
        }

        var first = await engine.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(), maxInstances: 4);
        var rest = await engine.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(), maxInstances: 100);

        Assert.Equal((4, false), (first.PurgedInstanceCount, first.IsComplete));
        Assert.Equal((3, true), (rest.PurgedInstanceCount, rest.IsComplete));
        foreach (var id in finished)
        {
            Assert.Null(await engine.Client.GetInstanceAsync(id));
            Assert.Empty(await engine.Client.GetHistoryAsync(id));
        }
        Assert.NotNull(await engine.Client.GetInstanceAsync(running));
        Assert.Equal(0, (await engine.Client.PurgeInstanceAsync(running)).PurgedInstanceCount);
    }

    [Fact]
    public async Task ContinueAsNew_WithEvents_RestartsWithFreshHistoryAndKeepsUnprocessedEvents()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CounterOrchestrator), 0);

        foreach (var command in new[] { "5", "7", "30", "stop" })
        {
            await engine.Client.RaiseEventAsync(id, "Command", command);
        }
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(42, done.ReadOutputAs<int>());
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Single(history, e => e.Type == HistoryEventType.ExecutionStarted);
    }

    [Fact]
    public async Task TerminateInstanceAsync_WaitingInstance_EndsTerminatedWithTheGivenOutput()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimeoutOrchestrator), 14);
        await engine.WaitForCustomStatusAsync(id, "\"waiting\"");
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 1);

        await engine.Client.TerminateInstanceAsync(id, "zurückgezogen");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("zurückgezogen", done.ReadOutputAs<string>());
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 0);
    }
}
