using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>One line of the dashboard: what the index stores per motion and list.</summary>
/// <param name="UpdatedAt">When something this line shows last changed; a vote or an acknowledgement does not move it.</param>
public sealed record MotionListItem(
    string MotionId,
    string? Reference,
    string Title,
    string FactionId,
    MotionStage Stage,
    string Status,
    string? WaitingFor,
    DateTimeOffset? DueAt,
    bool Overdue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static MotionListItem From(MotionRecord r) =>
        new(r.MotionId, r.Reference, r.Title, r.FactionId, r.Stage, r.Status, r.WaitingFor, r.DueAt, r.Overdue, r.CreatedAt, r.UpdatedAt);

    public TableEntity ToEntity(string partition, string rowKey) => new(partition, rowKey)
    {
        [nameof(MotionId)] = MotionId,
        [nameof(Reference)] = Reference,
        [nameof(Title)] = Title,
        [nameof(FactionId)] = FactionId,
        [nameof(Stage)] = Stage.ToString(),
        [nameof(Status)] = Status,
        [nameof(WaitingFor)] = WaitingFor,
        [nameof(DueAt)] = DueAt,
        [nameof(Overdue)] = Overdue,
        [nameof(CreatedAt)] = CreatedAt,
        [nameof(UpdatedAt)] = UpdatedAt,
    };

    public static MotionListItem FromEntity(TableEntity e) => new(
        e.GetString(nameof(MotionId)) ?? "",
        e.GetString(nameof(Reference)),
        e.GetString(nameof(Title)) ?? "",
        e.GetString(nameof(FactionId)) ?? "",
        Enum.TryParse<MotionStage>(e.GetString(nameof(Stage)), out var stage) ? stage : MotionStage.Failed,
        e.GetString(nameof(Status)) ?? "",
        e.GetString(nameof(WaitingFor)),
        e.GetDateTimeOffset(nameof(DueAt)),
        e.GetBoolean(nameof(Overdue)) ?? false,
        e.GetDateTimeOffset(nameof(CreatedAt)) ?? default,
        e.GetDateTimeOffset(nameof(UpdatedAt)) ?? default);
}
