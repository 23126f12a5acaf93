using System.Net;
using System.Text.Json.Nodes;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.FunctionsHost;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>
/// Every function that infra/functions/*/function.json defines is one the server serves: the catch-all HTTP route,
/// the trigger routes by function name, the engine's queues of host.json's hub by queue name, the binding names the
/// server reads. Runs the app with host.json's hub and follows a message from one function's queue to the other's.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class FunctionDefinitionContractTests(AzuriteFixture azurite)
{
    private static string FunctionsDirectory => Path.Combine(RepositoryPaths.Root, "infra", "functions");

    [Fact]
    public void EveryFunction_IsHttpOrATriggerTheServerServes()
    {
        var names = Directory.GetDirectories(FunctionsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal([.. TriggerFunctions.All.Append("Http").Order(StringComparer.Ordinal)], names);
        var http = Trigger("Http");
        Assert.Equal("httpTrigger", (string?)http["type"]);
        Assert.Equal("{*path}", (string?)http["route"]); // every path reaches the server's own routing
    }

    [Theory]
    [InlineData(TriggerFunctions.OrchestrationQueue)]
    [InlineData(TriggerFunctions.ActivityQueue)]
    public void QueueFunctions_UseTheBindingNameAndTheStringMessageTheServerReads(string function)
    {
        var trigger = Trigger(function);

        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal(TriggerFunctions.MessageBinding, (string?)trigger["name"]);
        Assert.Null(trigger["dataType"]); // "binary" would make the host send Base64 instead of the message text
        Assert.NotNull(TriggerFunctions.QueueOf(function));
    }

    [Fact]
    public void TimerFunction_IsTimerTickWithASixFieldSchedule()
    {
        var trigger = Trigger(TriggerFunctions.TimerTick);

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal(TriggerFunctions.TimerBinding, (string?)trigger["name"]);
        Assert.Equal(6, ((string)trigger["schedule"]!).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task QueueNames_AreTheEngineQueuesOfTheHostJsonHub()
    {
        await using var app = await FunctionsHostApp.StartAsync(azurite.ConnectionString, hostJsonHub: true);
        var host = new FakeFunctionsHost(app);
        var control = app.Queues.GetQueueClient((string)Trigger(TriggerFunctions.OrchestrationQueue)["queueName"]!);
        var workItems = app.Queues.GetQueueClient((string)Trigger(TriggerFunctions.ActivityQueue)["queueName"]!);

        // The client wakes the instance through the queue OrchestrationQueue listens on ...
        var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "Bicep");
        var wakeUp = Assert.Single((await control.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TriggerFunctions.OrchestrationQueue, FakeFunctionsHost.QueueBody(TriggerFunctions.OrchestrationQueue, wakeUp), null, null)).Status);
        await control.DeleteMessageAsync(wakeUp.MessageId, wakeUp.PopReceipt);
        // ... and the orchestrator's activity call lands on the queue ActivityQueue listens on.
        var workItem = Assert.Single((await workItems.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TriggerFunctions.ActivityQueue, FakeFunctionsHost.QueueBody(TriggerFunctions.ActivityQueue, workItem), null, null)).Status);
        await workItems.DeleteMessageAsync(workItem.MessageId, workItem.PopReceipt);
        await host.RunUntilAsync(async () => await app.StatusAsync(id) == OrchestrationRuntimeStatus.Completed);

        var hub = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")))!["ratsworkflow"]!["engine"]!["hubName"]!;
        Assert.Equal(hub, app.Options.HubName);
        Assert.StartsWith(hub + "-", control.Name, StringComparison.Ordinal);
        Assert.StartsWith(hub + "-", workItems.Name, StringComparison.Ordinal);
    }

    private static JsonObject Trigger(string function)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(FunctionsDirectory, function, "function.json")))!;
        return json["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => (string?)b["direction"] == "in");
    }
}
