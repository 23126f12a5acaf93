using Ratsworkflow.FunctionApp.Functions;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.FunctionApp.Tests.Metadata;

/// <summary>
/// What the Functions host will index, read from the functions.metadata the Worker SDK generated at build: the host
/// cannot run here, so this is where a missing or misnamed trigger shows.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonObject> Functions = FunctionAppOutput.Functions();

    [Fact]
    public void Metadata_WholeApp_ListsTheWebTimerOrchestratorAndOneActivityPerStep()
    {
        var expected = WorkflowSteps.All.Select(s => s.Name).Append(WebFunction.Name).Append(PeriodicWorkFunction.Name)
            .Append(RatsbeschlussOrchestrator.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected, Functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(Functions.Values, f => Assert.Equal("dotnet-isolated", (string?)f["language"]));
        Assert.All(Functions.Values, f => Assert.Equal("Ratsworkflow.FunctionApp.dll", (string?)f["scriptFile"]));
    }

    [Fact]
    public void Metadata_Web_TakesEveryPathAndMethodAnonymouslyWithADurableClient()
    {
        var web = Functions[WebFunction.Name];
        var trigger = FunctionAppOutput.Binding(web, "httpTrigger");

        Assert.Equal("{*path}", (string?)trigger["route"]);
        Assert.Null(trigger["methods"]); // no list: every method
        Assert.Equal("anonymous", ((string?)trigger["authLevel"])?.ToLowerInvariant()); // the app authenticates itself
        Assert.Equal("$return", (string?)FunctionAppOutput.Binding(web, "http")["name"]);
        FunctionAppOutput.Binding(web, "durableClient");
    }

    [Fact]
    public void Metadata_Orchestrator_IsTheNameTheAppSchedules()
    {
        var orchestrator = Functions[RatsbeschlussOrchestrator.Name];

        Assert.Single(orchestrator["bindings"]!.AsArray());
        FunctionAppOutput.Binding(orchestrator, "orchestrationTrigger");
        Assert.EndsWith(nameof(OrchestratorFunction) + "." + nameof(OrchestratorFunction.RunAsync), (string?)orchestrator["entryPoint"]);
    }

    [Fact]
    public void Metadata_Activities_OneTriggerPerStepOnItsOwnMethod()
    {
        Assert.All(WorkflowSteps.All, step =>
        {
            var activity = Functions[step.Name];
            Assert.Single(activity["bindings"]!.AsArray());
            Assert.Equal("input", (string?)FunctionAppOutput.Binding(activity, "activityTrigger")["name"]);
            Assert.Equal($"{typeof(StepFunctions).FullName}.{step.Name}", (string?)activity["entryPoint"]);
        });
    }

    [Fact]
    public void Metadata_PeriodicWork_EveryMinuteMonitoredWithADurableClient()
    {
        var timer = Functions[PeriodicWorkFunction.Name];
        var trigger = FunctionAppOutput.Binding(timer, "timerTrigger");

        Assert.Equal(["0", "*", "*", "*", "*", "*"], ((string)trigger["schedule"]!).Split(' '));
        Assert.True((bool?)trigger["useMonitor"]);
        Assert.NotEqual(true, (bool?)trigger["runOnStartup"]);
        FunctionAppOutput.Binding(timer, "durableClient");
    }

    [Fact]
    public void WorkerConfig_StartsTheAppWithDotnet()
    {
        var description = FunctionAppOutput.Read("worker.config.json")["description"]!;

        Assert.Equal("dotnet-isolated", (string?)description["language"]);
        Assert.Equal("Ratsworkflow.FunctionApp.dll", (string?)description["defaultWorkerPath"]);
    }

    [Fact]
    public void Extensions_HostLoadsTheDurableExtensionFromThePackage()
    {
        var extensions = FunctionAppOutput.Read("extensions.json")["extensions"]!.AsArray();

        var durable = Assert.Single(extensions, e => (string?)e!["name"] == "DurableTask")!;
        var hint = (string)durable["hintPath"]!;
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(FunctionAppOutput.Directory, hint))), $"{hint} is not in the build output");
    }
}
