using System.Net;
using Ratsworkflow.Functions.FunctionsHost;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>Without FUNCTIONS_CUSTOMHANDLER_PORT the server keeps its own trigger runner and has no trigger routes.</summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class LocalModeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task LocalMode_TriggerRoutes_AreNotFoundAndTheLocalRunnerDoesTheWork()
    {
        await using var app = await FunctionsHostApp.StartAsync(azurite.ConnectionString, functionsMode: false);
        var host = new FakeFunctionsHost(app);

        var tick = await host.TickAsync();
        var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "lokal");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await app.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel.Token);

        Assert.True(app.Options.RunLocalTriggers);
        Assert.Equal(HttpStatusCode.NotFound, tick.Status);
        Assert.Equal(0, app.PeriodicWork.Runs);
        Assert.Equal("Moin, lokal!", done.ReadOutputAs<string>()); // polled by the server itself
    }

    [Fact]
    public async Task LocalMode_PeriodicWork_RunsEveryIntervalOfHostJson()
    {
        await using var app = await FunctionsHostApp.StartAsync(azurite.ConnectionString, functionsMode: false);

        app.Clock.Advance(TimeSpan.FromSeconds(59));
        await Task.Delay(200);
        var early = app.PeriodicWork.Runs;
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // host.json ratsworkflow.periodicWorkInterval: one minute
        var until = DateTime.UtcNow.AddSeconds(10);
        while (app.PeriodicWork.Runs == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, early);
        Assert.Equal(1, app.PeriodicWork.Runs);
    }

    [Fact]
    public async Task LocalMode_PeriodicWorkIntervalZero_NeverRuns()
    {
        await using var app = await FunctionsHostApp.StartAsync(azurite.ConnectionString, functionsMode: false,
            settings: new Dictionary<string, string?> { ["ratsworkflow:periodicWorkInterval"] = "00:00:00" });

        for (var minute = 0; minute < 3; minute++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(100);
        }

        using var http = new HttpClient();
        var health = await http.GetAsync($"http://127.0.0.1:{app.Port}/api/health");

        Assert.Equal(0, app.PeriodicWork.Runs);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // still serving: "off" is not a crashed background service
    }
}
