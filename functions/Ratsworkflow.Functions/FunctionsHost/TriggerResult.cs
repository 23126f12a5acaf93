using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.FunctionsHost;

/// <summary>
/// The answer a custom handler gives the Functions host for a non-HTTP trigger. No output bindings, so
/// <c>Outputs</c> is empty and <c>ReturnValue</c> null; <c>Logs</c> lines end up in the invocation's logs
/// (Application Insights). The status code decides the outcome: 2xx completes the invocation (the host deletes a
/// queue message), anything else fails it (the message is delivered again; after maxDequeueCount the host moves it
/// to the poison queue).
/// </summary>
public sealed record TriggerResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static TriggerResult WithLogs(params IReadOnlyList<string> logs) => new(new Dictionary<string, object?>(), logs, null);

    public Task WriteAsync(HttpContext context, int statusCode)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(this, Json), context.RequestAborted);
    }
}
