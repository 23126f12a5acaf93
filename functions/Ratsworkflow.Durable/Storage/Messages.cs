using System.Text.Json;

namespace Ratsworkflow.Durable.Storage;

/// <summary>Control-queue message: "look at this instance's inbox". The payload itself is in the inbox row.</summary>
internal sealed record WakeUpMessage(string Id)
{
    public string ToJson() => JsonSerializer.Serialize(this, DataConverter.Options);
}

/// <summary>Work-item-queue message: run one activity call.</summary>
internal sealed record WorkItemMessage(string Id, string ExecutionId, int TaskId, string Name, string? Input)
{
    public string ToJson() => JsonSerializer.Serialize(this, DataConverter.Options);
}

/// <summary>An outbox entry: what a committed step still has to send.</summary>
internal sealed record OutboxMessage(string Kind, WorkItemMessage? Task = null, TimerRow? Timer = null);

internal sealed record TimerRow(string InstanceId, string ExecutionId, int TaskId, DateTime FireAt)
{
    public string PartitionKey => FireAt.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);
    public string RowKey => $"{InstanceId}|{ExecutionId}|{TaskId:D6}";
}

internal static class MessageParser
{
    /// <summary>Reads the instance id of any engine message, or null when the text is not one.</summary>
    public static string? TryGetInstanceId(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static T Parse<T>(string text) =>
        JsonSerializer.Deserialize<T>(text, DataConverter.Options) ?? throw new JsonException("Empty engine message.");
}
