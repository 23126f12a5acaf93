using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

/// <summary>An instance failed by an activity's last attempt runs on after a rewind; one failed by its own code does not.</summary>
[Collection(EngineCollection.Name)]
public sealed class RewindTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RewindInstanceAsync_RetriesExhausted_CallsTheActivityAgainUntilItSucceeds()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(Failures: 3, Attempts: 2));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.WaitForCompletionAsync(id)).RuntimeStatus);

        Assert.True(await engine.Client.RewindInstanceAsync(id));
        var again = await engine.WaitForCompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, again.RuntimeStatus);
        Assert.Contains("Flaky failure 3", again.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.True(await engine.Client.RewindInstanceAsync(id));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ok after 4", done.ReadOutputAs<string>());
        Assert.Null(done.FailureDetails);
        Assert.Equal(4, FlakyActivity.CallsFor(id));
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, Assert.Single(history, e => e.Type == HistoryEventType.ExecutionCompleted).Status);
        // The first attempt's failure stays in the history; the attempts that ended the instance were taken out.
        Assert.Single(history, e => e.Type == HistoryEventType.TaskFailed);
        Assert.False(await engine.Client.RewindInstanceAsync(id));
    }

    [Fact]
    public async Task RewindInstanceAsync_TimerOpenWhenTheActivityFailed_SetsTheTimerAgain()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FlakyBeforeDeadlineOrchestrator), 1);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.WaitForCompletionAsync(id)).RuntimeStatus);
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 0);

        Assert.True(await engine.Client.RewindInstanceAsync(id));
        await engine.WaitForCustomStatusAsync(id, "\"called\"");
        await TimerRows.WaitForAsync(azurite.ConnectionString, engine.Hub, 1);
        engine.Clock.Advance(TimeSpan.FromDays(1));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("ok after 2", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RewindInstanceAsync_FiveAtOnce_OneWinsAndItsCallbackRunsBeforeTheCallIsSent()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(Failures: 1, Attempts: 1));
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await engine.WaitForCompletionAsync(id)).RuntimeStatus);
        var callbacks = 0;
        var callsWhileCallbackRan = -1;
        async Task BeforeResuming(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref callbacks);
            await Task.Delay(100, cancellationToken);
            callsWhileCallbackRan = FlakyActivity.CallsFor(id);
        }

        var rewound = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => engine.Client.RewindInstanceAsync(id, BeforeResuming)));

        Assert.Single(rewound, r => r);
        Assert.Equal(1, callbacks);
        Assert.Equal(1, callsWhileCallbackRan);
        Assert.Equal("ok after 2", (await engine.WaitForCompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task RewindInstanceAsync_CodeFailedOrNotFailed_ReturnsFalseAndChangesNothing()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);
        var broken = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(BrokenOrchestrator));
        var failed = await engine.WaitForCompletionAsync(broken);
        var waiting = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator));
        await engine.WaitForCustomStatusAsync(waiting, "\"waiting\"");

        Assert.False(await engine.Client.RewindInstanceAsync(broken));
        Assert.False(await engine.Client.RewindInstanceAsync(waiting));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(() => engine.Client.RewindInstanceAsync("gibt-es-nicht"));

        var after = await engine.Client.GetInstanceAsync(broken);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, after!.RuntimeStatus);
        Assert.Equal(failed.FailureDetails, after.FailureDetails);
        Assert.Equal(failed.LastUpdatedAt, after.LastUpdatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await engine.Client.GetInstanceAsync(waiting))!.RuntimeStatus);
    }
}
