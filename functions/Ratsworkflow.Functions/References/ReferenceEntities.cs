using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.References;

/// <summary>The last number issued in a series and year; ETag-guarded.</summary>
public sealed class ReferenceCounterEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public int Year { get; set; }
    public int LastNumber { get; set; }
}

/// <summary>A motion's reservation (row "motion-{id}") or a number's owner (row "number-{year}-{n}").</summary>
public sealed class MotionReferenceEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string MotionId { get; set; } = "";
    public string Prefix { get; set; } = "";
    public int Year { get; set; }
    public int Number { get; set; }
    public DateTimeOffset AssignedAt { get; set; }

    internal Reference ToReference() => new(Prefix, Year, Number);
}
