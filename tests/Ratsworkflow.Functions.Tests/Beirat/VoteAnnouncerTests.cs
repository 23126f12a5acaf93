using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Workflow;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Beirat;

public class VoteAnnouncerTests
{
    [Fact]
    public async Task AnnounceAsync_VoteStored_RaisesVoteArrivedOnTheMotion()
    {
        var engine = new RecordingEngine();
        var announcer = new VoteAnnouncer(engine, TimeProvider.System, NullLogger<VoteAnnouncer>.Instance);
        await announcer.StartAsync(CancellationToken.None);

        await announcer.AnnounceAsync("antrag-1", "mitglied-3", CancellationToken.None);

        var raised = await engine.WaitForAsync(1);
        Assert.Equal(("antrag-1", VoteArrived.EventName, new VoteArrived("mitglied-3")), raised.Single());
        await announcer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AnnounceAsync_OneAnnouncementFails_TheOthersStillGoOut()
    {
        var engine = new RecordingEngine { Failing = "beendet" };
        var announcer = new VoteAnnouncer(engine, TimeProvider.System, NullLogger<VoteAnnouncer>.Instance);
        await announcer.StartAsync(CancellationToken.None);

        await announcer.AnnounceAsync("beendet", "mitglied-1", CancellationToken.None);
        await announcer.AnnounceAsync("antrag-2", "mitglied-1", CancellationToken.None);
        await announcer.AnnounceAsync("antrag-3", "mitglied-1", CancellationToken.None);

        var raised = await engine.WaitForAsync(2);
        Assert.Equal(["antrag-2", "antrag-3"], raised.Select(r => r.InstanceId).Order());
        await announcer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_AnnouncementsStillQueued_AllSentBeforeItReturns()
    {
        var engine = new RecordingEngine { Gate = new TaskCompletionSource() };
        var announcer = new VoteAnnouncer(engine, TimeProvider.System, NullLogger<VoteAnnouncer>.Instance);
        await announcer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 30; i++)
        {
            await announcer.AnnounceAsync($"antrag-{i}", "mitglied-1", CancellationToken.None);
        }

        var stopping = announcer.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        engine.Gate.SetResult();
        await stopping;

        Assert.Equal(30, engine.Raised.Count);
    }

    [Fact]
    public async Task AnnounceAsync_SeveralVotesOnOneMotion_OneVoteArrivedPerMotionWithTheLatestMember()
    {
        var (engine, clock, announcer) = await StartWithFakeClockAsync();

        await announcer.AnnounceAsync("antrag-1", "mitglied-1", CancellationToken.None);
        await announcer.AnnounceAsync("antrag-2", "mitglied-1", CancellationToken.None);
        await announcer.AnnounceAsync("antrag-1", "mitglied-2", CancellationToken.None);
        await AdvanceUntilRaisedAsync(engine, clock);
        await announcer.StopAsync(CancellationToken.None);

        Assert.Equal([("antrag-1", new VoteArrived("mitglied-2")), ("antrag-2", new VoteArrived("mitglied-1"))],
            engine.Raised.Select(r => (r.InstanceId, (VoteArrived)r.Payload!)).OrderBy(r => r.InstanceId));
    }

    [Fact]
    public async Task AnnounceAsync_OneVote_RaisedWhenNoOtherVoteCameForTheQuietPeriod()
    {
        var (engine, clock, announcer) = await StartWithFakeClockAsync();

        await announcer.AnnounceAsync("antrag-1", "mitglied-1", CancellationToken.None);
        await Task.Delay(50);
        Assert.Empty(engine.Raised);
        var waited = await AdvanceUntilRaisedAsync(engine, clock);
        await announcer.StopAsync(CancellationToken.None);

        Assert.InRange(waited, VoteAnnouncer.QuietPeriod, VoteAnnouncer.QuietPeriod + Step * 3);
    }

    [Fact]
    public async Task AnnounceAsync_VotesKeepComing_RaisedAfterTheLongestDelayAnyway()
    {
        var (engine, clock, announcer) = await StartWithFakeClockAsync();

        var waited = TimeSpan.Zero;
        for (var vote = 0; vote < 200 && engine.Raised.Count == 0; vote++)
        {
            await announcer.AnnounceAsync("antrag-1", $"mitglied-{vote}", CancellationToken.None);
            await Task.Delay(20);
            clock.Advance(VoteAnnouncer.QuietPeriod / 4);
            waited += VoteAnnouncer.QuietPeriod / 4;
            await Task.Delay(20);
        }
        await announcer.StopAsync(CancellationToken.None);

        Assert.NotEmpty(engine.Raised);
        Assert.InRange(waited, VoteAnnouncer.MaxDelay, VoteAnnouncer.MaxDelay + VoteAnnouncer.QuietPeriod * 2);
    }

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private static async Task<(RecordingEngine, FakeTimeProvider, VoteAnnouncer)> StartWithFakeClockAsync()
    {
        var engine = new RecordingEngine();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var announcer = new VoteAnnouncer(engine, clock, NullLogger<VoteAnnouncer>.Instance);
        await announcer.StartAsync(CancellationToken.None);
        return (engine, clock, announcer);
    }

    /// <summary>Moves the announcer's clock in small steps until something is raised; returns how far it moved.</summary>
    private static async Task<TimeSpan> AdvanceUntilRaisedAsync(RecordingEngine engine, FakeTimeProvider clock)
    {
        var moved = TimeSpan.Zero;
        for (var steps = 0; steps < 500; steps++)
        {
            clock.Advance(Step);
            moved += Step;
            for (var polls = 0; polls < 50 && engine.Raised.Count == 0; polls++)
            {
                await Task.Delay(2);
            }
            if (engine.Raised.Count > 0)
            {
                return moved;
            }
        }
        throw new TimeoutException("Nothing was raised.");
    }

    /// <summary>Records what would be raised; every other member of the client is not part of announcing.</summary>
    private sealed class RecordingEngine() : DurableTaskClient("test")
    {
        public List<(string InstanceId, string EventName, object? Payload)> Raised { get; } = [];
        public string? Failing { get; init; }
        public TaskCompletionSource? Gate { get; init; }

        public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
        {
            if (Gate is not null)
            {
                await Gate.Task;
            }
            if (instanceId == Failing)
            {
                throw new InvalidOperationException($"The orchestration instance '{instanceId}' has ended (Completed).");
            }
            lock (Raised)
            {
                Raised.Add((instanceId, eventName, eventPayload));
            }
        }

        public async Task<List<(string InstanceId, string EventName, object? Payload)>> WaitForAsync(int count)
        {
            for (var polls = 0; polls < 500; polls++)
            {
                lock (Raised)
                {
                    if (Raised.Count >= count)
                    {
                        return [.. Raised];
                    }
                }
                await Task.Delay(10);
            }
            throw new TimeoutException($"{count} announcements expected, {Raised.Count} raised.");
        }

        public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null,
            CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();
        public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();
        public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();
        public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();
        public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();
        public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
            throw new NotSupportedException();
        public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();
        public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
            throw new NotSupportedException();
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
