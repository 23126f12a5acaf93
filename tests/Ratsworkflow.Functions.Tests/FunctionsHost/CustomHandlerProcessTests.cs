using System.Net;
using System.Net.Sockets;
using Azure.Storage.Queues;
using Ratsworkflow.Functions.FunctionsHost;
using Ratsworkflow.Testing;
using Xunit;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>
/// The server as the Functions host starts it: its own process from the build output (host.json next to the dll),
/// configured by environment variables only, with <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set. Uses host.json's task hub
/// on an Azurite of its own.
/// </summary>
public sealed class CustomHandlerProcessTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Process_InFunctionsMode_ListensOnTheHostPortAndServesOnlyTheHostsTriggers()
    {
        var port = ChildProcess.FreeTcpPort();
        var ignored = ChildProcess.FreeTcpPort();
        // The host's readiness check: any answer to GET / on its port.
        await using var process = await AppProcess.StartAsync(new Uri($"http://127.0.0.1:{port}/"), new Dictionary<string, string?>
        {
            [FunctionsHostMode.PortKey] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ignored}", // the host's port wins over anything configured
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__ConnectionString"] = azurite.ConnectionString,
            ["Clerks__ApiToken"] = "prozess-test-token-der-lang-genug-ist-0123456789",
        }, TimeSpan.FromSeconds(60), readyPath: "", anyAnswer: true);
        var queues = new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var control = queues.GetQueueClient("ratsworkflow-control"); // host.json hub, as in infra/functions
        await control.CreateIfNotExistsAsync();

        await control.SendMessageAsync("<kein json>");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a local poller would have taken it by now
        var message = Assert.Single((await control.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);
        var body = FakeFunctionsHost.QueueBody(TriggerFunctions.OrchestrationQueue, message);
        var lastAttempt = FakeFunctionsHost.QueueBody(TriggerFunctions.OrchestrationQueue, message);
        ((Dictionary<string, object?>)lastAttempt["Metadata"]!)["DequeueCount"] = "5"; // host.json maxDequeueCount

        var first = await PostAsync(port, body, host: null);
        var forwarded = await PostAsync(port, lastAttempt, host: "rats.goettingen.example.org");
        var last = await PostAsync(port, lastAttempt, host: null);

        Assert.False(await IsListeningAsync(ignored), "ASPNETCORE_URLS must be ignored in Functions mode");
        Assert.True(first == HttpStatusCode.InternalServerError, $"first attempt: {first}\n{process.Output}");
        Assert.Equal(HttpStatusCode.NotFound, forwarded);
        Assert.True(last == HttpStatusCode.OK, $"last attempt: {last}\n{process.Output}");
        var poisoned = (await queues.GetQueueClient("ratsworkflow-control-poison").PeekMessagesAsync(10)).Value;
        Assert.Equal("<kein json>", Assert.Single(poisoned).Body.ToString());
    }

    private static async Task<HttpStatusCode> PostAsync(int port, Dictionary<string, object?> body, string? host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{port}/{TriggerFunctions.OrchestrationQueue}"))
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
