using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class ReplayTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Replay_CodeCallsAnotherActivityThanTheHistory_FailsNamingBothSteps()
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..10];
        string id;
        await using (var before = await EngineHost.StartAsync(azurite.ConnectionString, hub, register: r => r.AddOrchestrator<Steps.CheckThenWait>("Flow").AddActivity<Steps.Check>().AddActivity<Steps.Notify>()))
        {
            id = await before.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
            await before.WaitForCustomStatusAsync(id, "\"waiting\"");
        }

        await using var after = await EngineHost.StartAsync(azurite.ConnectionString, hub, register: r => r.AddOrchestrator<Steps.NotifyThenWait>("Flow").AddActivity<Steps.Check>().AddActivity<Steps.Notify>());
        await after.Client.RaiseEventAsync(id, "Go");
        var done = await after.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("'Check'", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'Notify'", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Versioning_InstanceStartedOnVersion1_KeepsReplayingVersion1AfterVersion2IsRegistered()
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..10];
        string old;
        await using (var v1 = await EngineHost.StartAsync(azurite.ConnectionString, hub, register: r => r.AddOrchestrator<Steps.CheckThenWait>("Flow", "1").AddActivity<Steps.Check>().AddActivity<Steps.Notify>()))
        {
            old = await v1.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
            await v1.WaitForCustomStatusAsync(old, "\"waiting\"");
        }

        await using var v2 = await EngineHost.StartAsync(azurite.ConnectionString, hub, register: r => r
            .AddOrchestrator<Steps.CheckThenWait>("Flow", "1")
            .AddOrchestrator<Steps.NotifyThenWait>("Flow", "2")
            .AddActivity<Steps.Check>().AddActivity<Steps.Notify>());
        var fresh = await v2.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
        await v2.WaitForCustomStatusAsync(fresh, "\"waiting\"");
        await v2.Client.RaiseEventAsync(old, "Go");
        await v2.Client.RaiseEventAsync(fresh, "Go");

        var oldDone = await v2.WaitForCompletionAsync(old);
        var freshDone = await v2.WaitForCompletionAsync(fresh);
        Assert.Equal(("1", "checked"), (oldDone.Version, oldDone.ReadOutputAs<string>()));
        Assert.Equal(("2", "notified"), (freshDone.Version, freshDone.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task HistoryReplayer_GoldenHistory_ReplaysOnSameCodeAndRejectsChangedCode()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString, register: r => r.AddOrchestrator<Steps.CheckThenWait>("Flow").AddActivity<Steps.Check>().AddActivity<Steps.Notify>());
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("Flow");
        await engine.WaitForCustomStatusAsync(id, "\"waiting\"");
        await engine.Client.RaiseEventAsync(id, "Go");
        await engine.WaitForCompletionAsync(id);
        var golden = HistoryReplayer.ToJson(await engine.Client.GetHistoryAsync(id));

        var history = HistoryReplayer.FromJson(golden);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, HistoryReplayer.Replay(new Steps.CheckThenWait(), history));
        var error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(new Steps.NotifyThenWait(), history));
        Assert.Contains("'Check'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two versions of one workflow: they differ in the activity they call first.</summary>
    public static class Steps
    {
        public sealed class CheckThenWait : TaskOrchestrator<string?, string>
        {
            public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
            {
                await context.CallActivityAsync<string>(nameof(Check));
                context.SetCustomStatus("waiting");
                await context.WaitForExternalEvent<object?>("Go");
                return "checked";
            }
        }

        public sealed class NotifyThenWait : TaskOrchestrator<string?, string>
        {
            public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
            {
                await context.CallActivityAsync<string>(nameof(Notify));
                context.SetCustomStatus("waiting");
                await context.WaitForExternalEvent<object?>("Go");
                return "notified";
            }
        }

        public sealed class Check : TaskActivity<object?, string>
        {
            public override Task<string> RunAsync(TaskActivityContext context, object? input) => Task.FromResult("ok");
        }

        public sealed class Notify : TaskActivity<object?, string>
        {
            public override Task<string> RunAsync(TaskActivityContext context, object? input) => Task.FromResult("ok");
        }
    }
}
