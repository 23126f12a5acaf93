using System.Text.Json;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// A motion is one table partition: the record row and one row per timeline entry. The record is JSON split over
/// several properties, because a property holds at most 32K characters and the texts may be longer.
/// </summary>
internal static class MotionRows
{
    public const string RecordKey = "motion";
    public const string TimelinePrefix = "t|";
    private const int ChunkChars = 30_000;
    private const int MaxChunks = 15;

    public static JsonSerializerOptions Json { get; } = CreateJson();

    public static TableEntity ToEntity(MotionRecord record)
    {
        var json = JsonSerializer.Serialize(record, Json);
        var chunks = json.Chunk(ChunkChars).Select(c => new string(c)).ToList();
        if (chunks.Count > MaxChunks)
        {
            throw new InvalidOperationException($"Motion {record.MotionId} is too large to store ({json.Length} characters).");
        }
        var entity = new TableEntity(record.MotionId, RecordKey)
        {
            ["Stage"] = record.Stage.ToString(),
            ["FactionId"] = record.FactionId,
            ["Reference"] = record.Reference,
            ["UpdatedAt"] = record.UpdatedAt,
            ["Chunks"] = chunks.Count,
        };
        for (var i = 0; i < chunks.Count; i++)
        {
            entity["Json" + i] = chunks[i];
        }
        return entity;
    }

    public static MotionRecord FromEntity(TableEntity entity)
    {
        var count = entity.GetInt32("Chunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString("Json" + i)));
        return JsonSerializer.Deserialize<MotionRecord>(json, Json) ?? throw new JsonException($"Motion row {entity.PartitionKey} is empty.");
    }

    public static TableEntity ToEntity(string motionId, string key, TimelineEntry entry) => new(motionId, TimelinePrefix + key)
    {
        ["At"] = entry.At,
        ["Type"] = entry.Type,
        ["Text"] = entry.Text,
        ["Actor"] = entry.Actor,
    };

    public static TimelineEntry TimelineFromEntity(TableEntity entity) => new(
        entity.GetDateTimeOffset("At") ?? default,
        entity.GetString("Type") ?? "",
        entity.GetString("Text") ?? "",
        entity.GetString("Actor"));

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return options;
    }
}
