using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class ActivityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CallActivityAsync_ChainOfFive_PassesEachOutputToTheNextInput()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(10, 5));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(15, done.ReadOutputAs<int>());
        var history = await engine.Client.GetHistoryAsync(id);
        Assert.Equal(5, history.Count(e => e.Type == HistoryEventType.TaskScheduled));
        Assert.Equal(5, history.Count(e => e.Type == HistoryEventType.TaskCompleted));
    }

    [Fact]
    public async Task CallActivityAsync_ActivityThrows_OrchestratorCatchesTaskFailedException()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailureOrchestrator), "Stimmzettel fehlt");
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("FailActivity: Stimmzettel fehlt", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_SucceedsOnThirdAttempt()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(Failures: 2, Attempts: 3));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal("ok after 3", done.ReadOutputAs<string>());
        Assert.Equal(3, FlakyActivity.CallsFor(id));
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_InstanceFailsWithTheActivitysError()
    {
        await using var engine = await EngineHost.StartAsync(azurite.ConnectionString);

        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(Failures: 5, Attempts: 2));
        var done = await engine.WaitForCompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("Flaky failure 2", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, FlakyActivity.CallsFor(id));
    }
}
