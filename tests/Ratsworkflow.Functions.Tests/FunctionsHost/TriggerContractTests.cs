using System.Net;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.FunctionsHost;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>
/// The custom-handler contract of docs/deployment.md ("What the server implements"), over real HTTP, with the test
/// playing the Functions host against the engine's real queues in Azurite.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class TriggerContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PublicHost = "func-goettingen-test-x7k2.azurewebsites.net";

    private FunctionsHostApp _app = null!;
    private FakeFunctionsHost _host = null!;

    public async Task InitializeAsync()
    {
        _app = await FunctionsHostApp.StartAsync(azurite.ConnectionString);
        _host = new FakeFunctionsHost(_app);
    }

    [Fact]
    public async Task QueueTriggers_DeliveredLikeTheHost_RunTheOrchestrationToCompletion()
    {
        var id = await _app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "Göttingen");

        await _host.RunUntilAsync(async () => await _app.StatusAsync(id) == OrchestrationRuntimeStatus.Completed);

        var done = await _app.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal("Moin, Göttingen!", done!.ReadOutputAs<string>());
        foreach (var kind in new[] { QueueKind.Control, QueueKind.WorkItems })
        {
            Assert.Empty((await _host.QueueFor(kind).PeekMessagesAsync(10)).Value); // every message answered 2xx was deleted
        }
    }

    [Fact]
    public async Task QueueTrigger_Success_AnswersTheInvocationResultShape()
    {
        var id = await _app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "Rat");
        var message = await ReceiveAsync(QueueKind.Control);

        var invocation = await _host.DeliverAsync(QueueKind.Control, message);

        Assert.Equal(HttpStatusCode.OK, invocation.Status);
        var json = invocation.Json;
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("Outputs").ValueKind);
        Assert.Empty(json.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ReturnValue").ValueKind);
        Assert.Contains(invocation.Logs, l => l.Contains(message.MessageId, StringComparison.Ordinal) && l.Contains("attempt 1 of 5", StringComparison.Ordinal));
        Assert.Equal(OrchestrationRuntimeStatus.Running, await _app.StatusAsync(id));
        Assert.Single((await _host.QueueFor(QueueKind.WorkItems).PeekMessagesAsync(10)).Value); // the activity call
    }

    [Fact]
    public async Task QueueTrigger_MessageFails_AnswersNon2xxSoTheHostRetries()
    {
        var id = await StartWaitingInstanceAsync();
        await _host.QueueFor(QueueKind.WorkItems).SendMessageAsync(BrokenWorkItem(id));
        var message = await ReceiveAsync(QueueKind.WorkItems);

        var invocation = await _host.DeliverAsync(QueueKind.WorkItems, message);

        Assert.Equal(HttpStatusCode.InternalServerError, invocation.Status);
        Assert.Contains(invocation.Logs, l => l.Contains("will be retried", StringComparison.Ordinal));
        Assert.Equal(OrchestrationRuntimeStatus.Running, await _app.StatusAsync(id));
        var again = await ReceiveAsync(QueueKind.WorkItems); // still there for the next attempt
        Assert.Equal(message.MessageId, again.MessageId);
        Assert.Equal(2, again.DequeueCount);
        Assert.Empty((await _app.Queue("-workitems-poison").PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task QueueTrigger_LastAttemptFails_Answers2xxFailsTheInstanceAndKeepsThePoisonMessage()
    {
        Assert.Equal(5, _app.Options.MaxDequeueCount); // host.json extensions.queues.maxDequeueCount
        var id = await StartWaitingInstanceAsync();
        var broken = BrokenWorkItem(id);
        await _host.QueueFor(QueueKind.WorkItems).SendMessageAsync(broken);

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= _app.Options.MaxDequeueCount; attempt++)
        {
            var message = await ReceiveAsync(QueueKind.WorkItems);
            Assert.Equal(attempt, message.DequeueCount);
            statuses.Add((await _host.DeliverAsync(QueueKind.WorkItems, message)).Status);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.InternalServerError, 4), HttpStatusCode.OK], statuses);
        Assert.Empty((await _host.QueueFor(QueueKind.WorkItems).PeekMessagesAsync(10)).Value); // the host deleted it
        var poisoned = (await _app.Queue("-workitems-poison").PeekMessagesAsync(10)).Value;
        Assert.Equal(broken, Assert.Single(poisoned).Body.ToString());
        var failed = await _app.Client.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, failed!.RuntimeStatus);
        Assert.Equal("PoisonMessage", failed.FailureDetails!.ErrorType);
        Assert.Contains("BlobNotFound", failed.FailureDetails.ErrorMessage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TimerTick_AfterTheDeadline_FiresTheDurableTimer()
    {
        var id = await _app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(NapOrchestrator));
        await _host.RunUntilAsync(async () => (await _host.QueueFor(QueueKind.Control).PeekMessagesAsync()).Value.Length == 0
            && await _app.StatusAsync(id) == OrchestrationRuntimeStatus.Running);

        var early = await _host.TickAsync();
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Contains("durable timers fired: 0", early.Logs);
        _app.Clock.Advance(NapOrchestrator.Nap + TimeSpan.FromMinutes(1));
        var due = await _host.TickAsync();

        Assert.Equal(HttpStatusCode.OK, due.Status);
        Assert.Contains("durable timers fired: 1", due.Logs);
        await _host.RunUntilAsync(async () => await _app.StatusAsync(id) == OrchestrationRuntimeStatus.Completed);
        Assert.Equal("ausgeschlafen", (await _app.Client.GetInstanceAsync(id, getInputsAndOutputs: true))!.ReadOutputAs<string>());
    }

    [Fact]
    public async Task TimerTick_RunsThePeriodicWorkAndReportsItsFailure()
    {
        var ok = await _host.TickAsync(isPastDue: true);
        _app.PeriodicWork.Fail = true;
        var failing = await _host.TickAsync();

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Contains(ok.Logs, l => l.Contains("past due", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.InternalServerError, failing.Status);
        Assert.Contains(failing.Logs, l => l.Contains("CountingWork", StringComparison.Ordinal) && l.Contains("Wartung fehlgeschlagen", StringComparison.Ordinal));
        Assert.Equal(2, _app.PeriodicWork.Runs);
    }

    [Theory]
    [InlineData(TriggerFunctions.OrchestrationQueue)]
    [InlineData(TriggerFunctions.ActivityQueue)]
    [InlineData(TriggerFunctions.TimerTick)]
    public async Task TriggerRoute_ForwardedFromTheInternet_IsNotFoundAndDoesNothing(string function)
    {
        var id = await _app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "Internet");
        var message = await ReceiveAsync(QueueKind.Control);
        var body = FakeFunctionsHost.QueueBody(function, message);

        // enableForwardingHttpRequest keeps the client's Host; a proxy in front adds X-Forwarded-For / X-ARR-LOG-ID.
        var publicHost = await _host.PostAsync(function, body, PublicHost, null);
        var proxied = await _host.PostAsync(function, body, null, new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.7" });
        var frontEnd = await _host.PostAsync(function, body, null, new Dictionary<string, string> { ["X-ARR-LOG-ID"] = Guid.NewGuid().ToString() });
        var otherPort = await _host.PostAsync(function, body, "127.0.0.1:1", null);

        Assert.All([publicHost, proxied, frontEnd, otherPort], invocation => Assert.Equal(HttpStatusCode.NotFound, invocation.Status));
        Assert.Equal(OrchestrationRuntimeStatus.Pending, await _app.StatusAsync(id));
        Assert.Equal(0, _app.PeriodicWork.Runs);
    }

    [Fact]
    public async Task FunctionsMode_LocalTriggersOff_MessagesWaitForTheHost()
    {
        Assert.False(_app.Options.RunLocalTriggers);
        await _app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), "niemand");

        await Task.Delay(TimeSpan.FromSeconds(1)); // the local poller would take it within milliseconds

        Assert.Single((await _host.QueueFor(QueueKind.Control).PeekMessagesAsync(10)).Value);
    }

    [Fact]
    public async Task ReadinessCheck_GetRoot_IsAnswered()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_app.Port}/"));

        Assert.True((int)response.StatusCode < 500, $"GET / answered {response.StatusCode}");
    }

    [Fact]
    public async Task OrchestrationQueue_UnreadableBody_Answers400()
    {
        var invocation = await _host.PostAsync(TriggerFunctions.OrchestrationQueue, new { Data = new { }, Metadata = new { } }, null, null);

        Assert.Equal(HttpStatusCode.BadRequest, invocation.Status);
        Assert.Contains(invocation.Logs, l => l.Contains("Data.message", StringComparison.Ordinal));
    }

    private async Task<string> StartWaitingInstanceAsync()
    {
        var id = await _app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(NapOrchestrator));
        await _host.RunUntilAsync(async () => (await _host.QueueFor(QueueKind.Control).PeekMessagesAsync()).Value.Length == 0
            && await _app.StatusAsync(id) == OrchestrationRuntimeStatus.Running);
        return id;
    }

    /// <summary>A work item whose input blob does not exist: it fails on every attempt (as in the engine's poison tests).</summary>
    private static string BrokenWorkItem(string instanceId) =>
        $$"""{"id":"{{instanceId}}","executionId":"x","taskId":0,"name":"{{nameof(GreetActivity)}}","input":"blob://{{instanceId}}/missing"}""";

    private async Task<QueueMessage> ReceiveAsync(QueueKind kind) =>
        await _host.ReceiveAsync(kind) ?? throw new InvalidOperationException($"No message on {kind}.");

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
    }
}
