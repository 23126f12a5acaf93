using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class TimerTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData(30)]
    [InlineData(730)]
    public async Task CreateTimer_LongDuration_FiresOnlyWhenTheClockReachesIt(int days)
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var start = engine.Clock.GetUtcNow();

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimerOrchestrator), days);
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 1);
        engine.Clock.Advance(TimeSpan.FromDays(days) - TimeSpan.FromMinutes(1));
        await engine.Worker.FireDueTimersAsync(CancellationToken.None);
        await Task.Delay(300);

        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(id))!.RuntimeStatus);

        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(start.UtcDateTime.AddDays(days), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task CreateTimer_WorkerRestartedBeforeDue_FiresInTheNewWorker()
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..10];
        string id;
        Microsoft.Extensions.Time.Testing.FakeTimeProvider clock;
        await using (var first = await EngineHost.StartAsync(azurite.ConnectionString, hub))
        {
            clock = first.Clock;
            id = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LongTimerOrchestrator), 30);
            await TimerRows.WaitForAsync(azurite.ConnectionString, hub, 1);
        }

        await using var second = await EngineHost.StartAsync(azurite.ConnectionString, hub, clock);
        clock.Advance(TimeSpan.FromDays(30));
        var done = await second.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(0, await TimerRows.CountAsync(azurite.ConnectionString, hub));
    }
}
