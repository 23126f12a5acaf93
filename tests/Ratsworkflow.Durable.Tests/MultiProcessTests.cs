using Azure.Data.Tables;
using Ratsworkflow.Durable.TestWorker;
using Ratsworkflow.Testing;
using Xunit.Abstractions;

namespace Ratsworkflow.Durable.Tests;

[Collection(EngineCollection.Name)]
public sealed class MultiProcessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task Worker_KilledHardAtRandomPoints_EveryOrchestrationCompletesWithEachCompletionAppliedOnce()
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..10];
        var runLog = "runs" + Guid.NewGuid().ToString("N")[..8];
        await new TableClient(azurite.ConnectionString, runLog).CreateIfNotExistsAsync();
        await using var client = await EngineHost.StartAsync(azurite.ConnectionString, hub, configure: o => o.RunLocalTriggers = false);
        var ids = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await client.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(i * 100, 5, runLog)));
        }

        var random = new Random(4711);
        var kills = 0;
        var worker = WorkerProcess.Start(azurite.ConnectionString, hub, activityDelayMs: 20);
        try
        {
            for (; kills < 6; kills++)
            {
                // Kill only once this process is doing work, at a random moment within it.
                var before = (await CountRunsAsync(runLog)).Total;
                while ((await CountRunsAsync(runLog)).Total < before + 5)
                {
                    await Task.Delay(20);
                }
                await Task.Delay(random.Next(0, 400));
                worker.KillHard();
                worker.Dispose();
                worker = WorkerProcess.Start(azurite.ConnectionString, hub, activityDelayMs: 20);
            }
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var done = await client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(120));
                Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
                Assert.Equal(i * 100 + 5, done.ReadOutputAs<int>());
                await AssertEachStepOnceAsync(client.Client, id, 5);
            }
        }
        finally
        {
            worker.Dispose();
        }
        var runs = await CountRunsAsync(runLog);
        output.WriteLine($"kills: {kills}, orchestrations: 50, activity runs: {runs.Total} for 250 calls (re-runs after kills: {runs.Total - 250})");
        Assert.True(runs.Total >= 250);
    }

    [Fact]
    public async Task TwoWorkerProcesses_SameStorage_ShareTheWorkAndAdvanceEachInstanceOnce()
    {
        var hub = "h" + Guid.NewGuid().ToString("N")[..10];
        var runLog = "runs" + Guid.NewGuid().ToString("N")[..8];
        await new TableClient(azurite.ConnectionString, runLog).CreateIfNotExistsAsync();
        await using var client = await EngineHost.StartAsync(azurite.ConnectionString, hub, configure: o => o.RunLocalTriggers = false);
        using var first = WorkerProcess.Start(azurite.ConnectionString, hub);
        using var second = WorkerProcess.Start(azurite.ConnectionString, hub);

        var started = DateTime.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            ids.Add(await client.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), new ChainInput(i, 3, runLog)));
        }
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var done = await client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(120));
            Assert.Equal(i + 3, done.ReadOutputAs<int>());
            await AssertEachStepOnceAsync(client.Client, id, 3);
        }
        var elapsed = DateTime.UtcNow - started;

        var runs = await CountRunsAsync(runLog);
        output.WriteLine($"100 orchestrations x 3 activities on 2 processes: {elapsed.TotalSeconds:F1} s; runs per process: {string.Join(", ", runs.ByProcess.Values)}");
        Assert.Equal(2, runs.ByProcess.Count);
        Assert.All(runs.ByProcess.Values, n => Assert.True(n > 0));
    }

    /// <summary>Every activity call was scheduled once and its completion applied once, and the instance ended once.</summary>
    private static async Task AssertEachStepOnceAsync(DurableTaskClient client, string id, int steps)
    {
        var history = await client.GetHistoryAsync(id);
        var scheduled = history.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.TaskId).ToList();
        var completed = history.Where(e => e.Type == HistoryEventType.TaskCompleted).Select(e => e.TaskId).ToList();
        Assert.Equal(steps, scheduled.Count);
        Assert.Equal(scheduled, completed);
        Assert.Equal(steps, completed.Distinct().Count());
        Assert.Single(history, e => e.Type == HistoryEventType.ExecutionCompleted);
    }

    private async Task<(int Total, Dictionary<int, int> ByProcess)> CountRunsAsync(string table)
    {
        var byProcess = new Dictionary<int, int>();
        var total = 0;
        await foreach (var run in new TableClient(azurite.ConnectionString, table).QueryAsync<TableEntity>())
        {
            var pid = run.GetInt32("ProcessId") ?? 0;
            byProcess[pid] = byProcess.GetValueOrDefault(pid) + 1;
            total++;
        }
        return (total, byProcess);
    }
}
