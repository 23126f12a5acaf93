using System.Globalization;
using Azure.Data.Tables;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// Table <c>Meetings</c>, one partition per organization: a row per meeting (<c>meeting|{id}</c>), per agenda entry
/// (<c>item|{meetingId}|{motionId}</c>) and per day with an open meeting (<c>day|{yyyy-MM-dd}</c>, which makes "one
/// meeting per body and day" hold under concurrency). A body's meetings are one range read; a meeting with its agenda
/// is one query; and since a meeting and its agenda share a partition, every change of both is one transaction.
/// </summary>
internal static class MeetingRows
{
    public const string MeetingPrefix = "meeting|";
    public const string ItemPrefix = "item|";
    public const string DayPrefix = "day|";

    public static string MeetingKey(string meetingId) => MeetingPrefix + meetingId;

    public static string ItemKey(string meetingId, string motionId) => ItemPrefix + meetingId + "|" + motionId;

    /// <summary>All entries of a meeting sort from here up to (not including) <see cref="ItemsEnd"/>.</summary>
    public static string ItemsStart(string meetingId) => ItemPrefix + meetingId + "|";

    public static string ItemsEnd(string meetingId) => ItemPrefix + meetingId + "}";

    public static string DayKey(DateOnly date) => DayPrefix + Day(date);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(Meeting meeting) => new(meeting.OrganizationId, MeetingKey(meeting.Id))
    {
        ["Date"] = Day(meeting.Date),
        ["StartTime"] = meeting.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["Place"] = meeting.Place,
        ["State"] = meeting.State.ToString(),
        ["Created"] = meeting.Created,
        ["Modified"] = meeting.Modified,
        ["Version"] = meeting.Version,
    };

    public static Meeting ToMeeting(TableEntity e) => new(
        e.RowKey[MeetingPrefix.Length..],
        e.PartitionKey,
        DateOnly.ParseExact(e.GetString("Date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        e.GetString("StartTime") is { } time ? TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture) : null,
        e.GetString("Place"),
        Enum.Parse<MeetingState>(e.GetString("State")!),
        e.GetDateTimeOffset("Created") ?? default,
        e.GetDateTimeOffset("Modified") ?? default,
        e.GetInt32("Version") ?? 0,
        e.ETag.ToString());

    public static TableEntity ToEntity(Meeting meeting, AgendaEntry entry) => new(meeting.OrganizationId, ItemKey(meeting.Id, entry.MotionId))
    {
        ["MotionId"] = entry.MotionId,
        ["Order"] = entry.Order,
        ["Public"] = entry.Public,
        ["Reference"] = entry.Reference,
        ["Title"] = entry.Title,
        ["FactionId"] = entry.FactionId,
        ["Occurrence"] = entry.Occurrence,
        ["IsCouncil"] = entry.IsCouncil,
        ["Added"] = entry.Added,
        ["Outcome"] = entry.Outcome?.ToString(),
        ["VotesYes"] = entry.Votes?.Yes,
        ["VotesNo"] = entry.Votes?.No,
        ["VotesAbstain"] = entry.Votes?.Abstain,
        ["ResolutionText"] = entry.ResolutionText,
        ["RecordedAt"] = entry.RecordedAt,
    };

    public static AgendaEntry ToEntry(TableEntity e) => new(
        e.GetString("MotionId") ?? "",
        e.GetInt32("Order") ?? 0,
        e.GetBoolean("Public") ?? true,
        e.GetString("Reference") ?? "",
        e.GetString("Title") ?? "",
        e.GetString("FactionId") ?? "",
        e.GetInt32("Occurrence") ?? 1,
        e.GetBoolean("IsCouncil") ?? false,
        e.GetDateTimeOffset("Added") ?? default,
        Enum.TryParse<ConsultationOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : null,
        e.GetInt32("VotesYes") is { } yes ? new VoteCount(yes, e.GetInt32("VotesNo") ?? 0, e.GetInt32("VotesAbstain") ?? 0) : null,
        e.GetString("ResolutionText"),
        e.GetDateTimeOffset("RecordedAt"));

    /// <summary>The meeting of an item row's key "item|{meetingId}|{motionId}".</summary>
    public static string MeetingIdOfItem(string rowKey) => rowKey[ItemPrefix.Length..rowKey.LastIndexOf('|')];
}
