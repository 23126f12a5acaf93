using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Ratsworkflow.Durable;
using Ratsworkflow.Functions.FunctionsHost;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>
/// Plays the Azure Functions host in front of the custom handler, the way azure-functions-host
/// (DefaultHttpWorkerService / ScriptInvocationContextExtensions) does it for a queue or timer trigger:
/// <list type="bullet">
/// <item>POST <c>http://127.0.0.1:{port}/{FunctionName}</c>, JSON <c>{ "Data": { binding: value }, "Metadata": {…} }</c>;</item>
/// <item>every value that is no JSON object goes through <c>JsonConvert.SerializeObject</c> first, so the message
/// text arrives as a JSON string of a JSON string, and DequeueCount as <c>"1"</c>;</item>
/// <item>the queue message is Base64 in storage (host.json <c>messageEncoding: base64</c>) and decoded by the host;</item>
/// <item>2xx: the host deletes the message; anything else: it becomes visible again (here at once instead of after
/// visibilityTimeout) and its DequeueCount grows.</item>
/// </list>
/// </summary>
internal sealed class FakeFunctionsHost(FunctionsHostApp app)
{
    private static readonly HttpClient Http = new();

    public static string FunctionFor(QueueKind kind) => kind == QueueKind.Control ? TriggerFunctions.OrchestrationQueue : TriggerFunctions.ActivityQueue;

    public QueueClient QueueFor(QueueKind kind) => app.Queue(kind == QueueKind.Control ? "-control" : "-workitems");

    /// <summary>Dequeues one message like the host's queue listener (null when the queue is empty).</summary>
    public async Task<QueueMessage?> ReceiveAsync(QueueKind kind)
    {
        QueueMessage[] messages = (await QueueFor(kind).ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value;
        return messages.FirstOrDefault();
    }

    /// <summary>Invokes the queue function with one dequeued message and settles it as the host would.</summary>
    public async Task<Invocation> DeliverAsync(QueueKind kind, QueueMessage message, string? hostHeader = null, IDictionary<string, string>? headers = null)
    {
        var invocation = await PostAsync(FunctionFor(kind), QueueBody(FunctionFor(kind), message), hostHeader, headers);
        if (invocation.Succeeded)
        {
            await QueueFor(kind).DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        else
        {
            await QueueFor(kind).UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }
        return invocation;
    }

    /// <summary>Delivers whatever is in the two queues, as the host's listeners would, until the condition holds.</summary>
    public async Task RunUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The condition did not hold after delivering every queued message.");
            }
            var delivered = false;
            foreach (var kind in new[] { QueueKind.Control, QueueKind.WorkItems })
            {
                if (await ReceiveAsync(kind) is { } message)
                {
                    var invocation = await DeliverAsync(kind, message);
                    if (!invocation.Succeeded)
                    {
                        throw new InvalidOperationException($"{FunctionFor(kind)} answered {invocation.Status}: {invocation.Body}");
                    }
                    delivered = true;
                }
            }
            if (!delivered)
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>A timer-trigger invocation as the host sends it every minute.</summary>
    public Task<Invocation> TickAsync(bool isPastDue = false, string? hostHeader = null)
    {
        var now = DateTime.UtcNow;
        var body = new Dictionary<string, object?>
        {
            ["Data"] = new Dictionary<string, object?>
            {
                // TimerInfo is an object, so the host passes it as JSON (JObject.FromObject), not as a string.
                [TriggerFunctions.TimerBinding] = new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = new { Last = now.AddMinutes(-1), Next = now.AddMinutes(1), LastUpdated = now.AddMinutes(-1) },
                    IsPastDue = isPastDue,
                },
            },
            ["Metadata"] = new Dictionary<string, object?> { ["sys"] = Sys(TriggerFunctions.TimerTick) },
        };
        return PostAsync(TriggerFunctions.TimerTick, body, hostHeader, null);
    }

    public async Task<Invocation> PostAsync(string function, object body, string? hostHeader, IDictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{app.Port}/{function}"))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        // The host's own headers (DefaultHttpWorkerService.AddHeaders); Host is 127.0.0.1:{port} from the URI.
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.0");
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300.0");
        if (hostHeader is not null)
        {
            request.Headers.Host = hostHeader;
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }
        using var response = await Http.SendAsync(request);
        return new Invocation(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The request body the host builds for a queue trigger (binding "message" in function.json).</summary>
    public static Dictionary<string, object?> QueueBody(string function, QueueMessage message) => new()
    {
        ["Data"] = new Dictionary<string, object?>
        {
            [TriggerFunctions.MessageBinding] = Serialized(message.Body.ToString()),
        },
        ["Metadata"] = new Dictionary<string, object?>
        {
            ["DequeueCount"] = Serialized(message.DequeueCount),
            ["ExpirationTime"] = Serialized(message.ExpiresOn),
            ["Id"] = Serialized(message.MessageId),
            ["InsertionTime"] = Serialized(message.InsertedOn),
            ["NextVisibleTime"] = Serialized(message.NextVisibleOn),
            ["PopReceipt"] = Serialized(message.PopReceipt),
            ["sys"] = Sys(function),
        },
    };

    /// <summary>What <c>JsonConvert.SerializeObject(value)</c> makes of a string, number or date: a JSON text, itself a string.</summary>
    private static string Serialized(object? value) => JsonSerializer.Serialize(value);

    private static object Sys(string function) => new
    {
        MethodName = function,
        UtcNow = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        RandGuid = Guid.NewGuid().ToString(),
    };
}

/// <summary>The handler's answer to one invocation.</summary>
internal sealed record Invocation(HttpStatusCode Status, string Body)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<string> Logs => Json.GetProperty(nameof(Logs)).EnumerateArray().Select(l => l.GetString()!).ToList();
}
