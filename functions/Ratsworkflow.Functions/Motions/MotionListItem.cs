using System.Globalization;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Consultations;

namespace Ratsworkflow.Functions.Motions;

/// <summary>One line of the dashboard: what the index stores per motion and list.</summary>
/// <param name="UpdatedAt">When something this line shows last changed; a vote or an acknowledgement does not move it.</param>
/// <param name="CurrentBodyId">Where the motion lies now: the Beirat during its vote, then the committee or council whose
/// consultation is open.</param>
/// <param name="MeetingId">The meeting whose agenda the motion is on, while it waits for that meeting's result.</param>
/// <param name="DecisionDate">The day of the council's meeting that decided it.</param>
/// <param name="Route">The Beratungsfolge in a compact form for the export (<see cref="Beratungsfolge"/>); not part of the JSON.</param>
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
    DateTimeOffset UpdatedAt,
    string? CurrentBodyId = null,
    string? MeetingId = null,
    DateOnly? MeetingDate = null,
    DateOnly? DecisionDate = null,
    [property: JsonIgnore] string? Route = null)
{
    public static MotionListItem From(MotionRecord r)
    {
        var current = r.Stage is MotionStage.Consultation or MotionStage.Council && r.Consultations.Count > 0
            ? new ConsultationState(r.Consultations, r.ResolutionTexts).Current
            : null;
        var waiting = current is { Outcome: null } ? current : null;
        return new(r.MotionId, r.Reference, r.Title, r.FactionId, r.Stage, r.Status, r.WaitingFor, r.DueAt, r.Overdue, r.CreatedAt, r.UpdatedAt,
            r.Stage == MotionStage.BeiratReview ? r.Beirat?.OrganizationId : current?.OrganizationId,
            waiting?.MeetingId,
            waiting?.MeetingDate,
            r.Stage == MotionStage.Decided ? r.Consultations.LastOrDefault(c => c.IsCouncil)?.MeetingDate : null,
            Beratungsfolge.Encode(r.Consultations));
    }

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
        [nameof(CurrentBodyId)] = CurrentBodyId,
        [nameof(MeetingId)] = MeetingId,
        [nameof(MeetingDate)] = Day(MeetingDate),
        [nameof(DecisionDate)] = Day(DecisionDate),
        [nameof(Route)] = Route,
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
        e.GetDateTimeOffset(nameof(UpdatedAt)) ?? default,
        e.GetString(nameof(CurrentBodyId)),
        e.GetString(nameof(MeetingId)),
        Day(e.GetString(nameof(MeetingDate))),
        Day(e.GetString(nameof(DecisionDate))),
        e.GetString(nameof(Route)));

    /// <summary>The Beratungsfolge with dates and results (rows written before it was stored have none).</summary>
    public IReadOnlyList<Consultation> Consultations => Beratungsfolge.Decode(Route);

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

/// <summary>
/// The Beratungsfolge in one short string per index row ("ausschuss-soziales|2026-12-18|Approved;rat||"), so the
/// export has dates and results without reading every motion, and a list line still compares by value.
/// </summary>
internal static class Beratungsfolge
{
    public static string? Encode(IReadOnlyList<Consultation> consultations) => consultations.Count == 0
        ? null
        : string.Join(';', consultations.Select(c =>
            $"{c.OrganizationId}|{c.MeetingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{c.Outcome}|{(c.IsCouncil ? "c" : "")}"));

    public static IReadOnlyList<Consultation> Decode(string? route) => string.IsNullOrEmpty(route)
        ? []
        : [.. route.Split(';').Select(part => part.Split('|')).Where(p => p.Length == 4).Select(p => new Consultation(
            p[0],
            p[3] == "c",
            DateOnly.TryParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
            Enum.TryParse<ConsultationOutcome>(p[2], out var outcome) ? outcome : null))];
}
