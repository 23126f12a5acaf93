using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Durable.Storage;

/// <summary>The instance row: status and metadata of one instance, and the ETag that guards every checkpoint.</summary>
internal sealed class InstanceRow
{
    public InstanceRow(TableEntity entity) => Entity = entity;

    public TableEntity Entity { get; }
    public string InstanceId => Entity.PartitionKey;
    public ETag ETag => Entity.ETag;

    public string Name { get => Entity.GetString(nameof(Name)) ?? ""; set => Entity[nameof(Name)] = value; }
    public string Version { get => Entity.GetString(nameof(Version)) ?? ""; set => Entity[nameof(Version)] = value; }
    public string ExecutionId { get => Entity.GetString(nameof(ExecutionId)) ?? ""; set => Entity[nameof(ExecutionId)] = value; }
    public int HistorySequence { get => Entity.GetInt32(nameof(HistorySequence)) ?? 0; set => Entity[nameof(HistorySequence)] = value; }
    public DateTimeOffset CreatedAt { get => Entity.GetDateTimeOffset(nameof(CreatedAt)) ?? default; set => Entity[nameof(CreatedAt)] = value; }
    public DateTimeOffset LastUpdatedAt { get => Entity.GetDateTimeOffset(nameof(LastUpdatedAt)) ?? default; set => Entity[nameof(LastUpdatedAt)] = value; }
    public string? Input { get => Entity.GetString(nameof(Input)); set => Entity[nameof(Input)] = value; }
    public string? Output { get => Entity.GetString(nameof(Output)); set => Entity[nameof(Output)] = value; }
    public string? CustomStatus { get => Entity.GetString(nameof(CustomStatus)); set => Entity[nameof(CustomStatus)] = value; }
    public string? FailureType { get => Entity.GetString(nameof(FailureType)); set => Entity[nameof(FailureType)] = value; }
    public string? FailureMessage { get => Entity.GetString(nameof(FailureMessage)); set => Entity[nameof(FailureMessage)] = value; }
    public string? PoisonMessage { get => Entity.GetString(nameof(PoisonMessage)); set => Entity[nameof(PoisonMessage)] = value; }
    public string? PoisonQueue { get => Entity.GetString(nameof(PoisonQueue)); set => Entity[nameof(PoisonQueue)] = value; }

    public OrchestrationRuntimeStatus Status
    {
        get => Enum.Parse<OrchestrationRuntimeStatus>(Entity.GetString(nameof(Status)) ?? nameof(OrchestrationRuntimeStatus.Pending));
        set => Entity[nameof(Status)] = value.ToString();
    }

    public static InstanceRow New(string instanceId) => new(new TableEntity(instanceId, RowKeys.Instance));

    public OrchestrationMetadata ToMetadata(bool withPayloads) => new(
        InstanceId,
        Name,
        Version,
        Status,
        CreatedAt,
        LastUpdatedAt,
        withPayloads ? Input : null,
        withPayloads ? Output : null,
        CustomStatus,
        FailureType is null ? null : new TaskFailureDetails(FailureType, FailureMessage ?? ""));
}
