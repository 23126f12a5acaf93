using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class ExternalEventTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RaiseEventAsync_BeforeTheWait_IsBufferedAndDeliveredInOrder()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        await engine.Client.RaiseEventAsync(id, "Approval", "erste");
        await engine.Client.RaiseEventAsync(id, "Approval", "zweite");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal("erste,zweite", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_AfterTheWaitWithOtherCasing_CompletesTheWaiter()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        await engine.WaitForCustomStatusAsync(id, "\"waiting\"");
        await engine.Client.RaiseEventAsync(id, "APPROVAL", "a");
        await engine.Client.RaiseEventAsync(id, "approval", "b");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal("a,b", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ThrowsAndStoresNothing()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.RaiseEventAsync("gibt-es-nicht", "Approval", "x"));
        Assert.Null(await engine.Client.GetInstanceAsync("gibt-es-nicht"));
    }

    [Fact]
    public async Task RaiseEventAsync_FinishedInstance_Throws()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(0, 1));
        await engine.WaitForCompletionAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => engine.Client.RaiseEventAsync(id, "Approval", "x"));
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeout_EventFirst_ReturnsEventAndCancelsTimer()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimeoutOrchestrator), 14);
        await engine.WaitForCustomStatusAsync(id, "\"waiting\"");
        await engine.Client.RaiseEventAsync(id, "Vote", "ja");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal("event:ja", done.ReadOutputAs<string>());
        Assert.Equal(0, await TimerRows.CountAsync(azurite.ConnectionString, engine.Hub));
    }

    [Fact]
    public async Task WaitForExternalEventWithTimeout_TimeFirst_ThrowsTaskCanceledInTheOrchestrator()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventOrTimeoutOrchestrator), 14);
        await engine.WaitForCustomStatusAsync(id, "\"waiting\"");
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 1);
        engine.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal("timeout", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_CancelledWaiter_DoesNotConsumeTheNextEvent()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimeoutThenEventOrchestrator));
        await engine.WaitForCustomStatusAsync(id, "\"first\"");
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 1);
        engine.Clock.Advance(TimeSpan.FromHours(2));
        await engine.WaitForCustomStatusAsync(id, "\"second\"");
        await engine.Client.RaiseEventAsync(id, "Vote", "nein");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal("second:nein", done.ReadOutputAs<string>());
    }
}
