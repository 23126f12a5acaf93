using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Tests.Workflow;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.Periodic;

/// <summary>The local server's timer for the periodic work (expiry, counts, retention): host.json's interval, zero turns it off.</summary>
public sealed class PeriodicWorkTests(AzuriteFixture azurite, MailDevFixture mail) : IClassFixture<AzuriteFixture>, IClassFixture<MailDevFixture>
{
    [Fact]
    public async Task PeriodicWork_OneMinuteInterval_RunsOnceEachMinuteOfTheAppsClock()
    {
        var work = new CountingWork();
        await using var app = await StartAsync(work, interval: null);

        app.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        var early = work.Runs;
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var until = DateTime.UtcNow.AddSeconds(10);
        while (work.Runs == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, early);
        Assert.Equal(1, work.Runs);
    }

    [Fact]
    public async Task PeriodicWork_IntervalZero_NeverRunsAndTheServerStillServes()
    {
        var work = new CountingWork();
        await using var app = await StartAsync(work, interval: "00:00:00");

        for (var minute = 0; minute < 3; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }
        var health = await app.Anonymous.GetAsync("/api/health");

        Assert.Equal(0, work.Runs);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task RunAll_OneWorkFails_TheOthersStillRunAndTheFailureIsReported()
    {
        var failing = new CountingWork { Fail = true };
        var second = new CountingWork();
        await using var app = await WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev, configure: builder =>
        {
            builder.Services.AddSingleton<IPeriodicWork>(failing);
            builder.Services.AddSingleton<IPeriodicWork>(second);
        });

        var failures = await app.Services.GetRequiredService<PeriodicWorkRunner>().RunAllAsync(CancellationToken.None);

        Assert.Equal((1, 1), (failing.Runs, second.Runs));
        Assert.Equal(["CountingWork: InvalidOperationException: Wartung fehlgeschlagen"], failures);
    }

    private Task<WorkflowApp> StartAsync(CountingWork work, string? interval) =>
        WorkflowApp.StartAsync(azurite.ConnectionString, mail.MailDev,
            settings: new Dictionary<string, string?> { [PeriodicWorkService.IntervalKey] = interval ?? "00:01:00" },
            configure: builder => builder.Services.AddSingleton<IPeriodicWork>(work));

    private sealed class CountingWork : IPeriodicWork
    {
        private int _runs;

        public int Runs => _runs;

        public bool Fail { get; init; }

        public Task RunAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Fail ? throw new InvalidOperationException("Wartung fehlgeschlagen") : Task.CompletedTask;
        }
    }
}
