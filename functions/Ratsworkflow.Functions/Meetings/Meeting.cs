using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// A meeting (Sitzung) of a committee or the council on a day. Its agenda is kept with it (<see cref="Agenda"/>); the
/// motions' consultations point at it by <see cref="Id"/>.
/// </summary>
/// <param name="Id">"{organizationId}.{8 hex}": the organization in front finds the meeting's partition without a lookup.</param>
/// <param name="StartTime">Local time in the body's zone; null while the clerks have not fixed it.</param>
/// <param name="Version">Counts every change of the meeting or its agenda; a client sends it back to change the order safely.</param>
/// <param name="ETag">The stored row's ETag: every change of the meeting or its agenda is guarded by it.</param>
public sealed record Meeting(
    string Id,
    string OrganizationId,
    DateOnly Date,
    TimeOnly? StartTime,
    string? Place,
    MeetingState State,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    int Version = 0,
    string? ETag = null)
{
    /// <summary>Planned or invited: motions can still be added, moved or removed, and its date can change.</summary>
    public bool IsOpen => State is MeetingState.Planned or MeetingState.Invited;

    public static string NewId(string organizationId) =>
        organizationId + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The organization part of a meeting id; null for anything that is not one.</summary>
    public static string? OrganizationOf(string? meetingId)
    {
        var dot = meetingId?.LastIndexOf('.') ?? -1;
        if (dot <= 0 || dot != meetingId!.Length - 9 || !meetingId[(dot + 1)..].All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var organization = meetingId[..dot];
        return Organizations.CatalogCheck.IsValidId(organization) ? organization : null;
    }
}

/// <summary>Where a meeting stands; in JSON lower-case (<c>planned</c>, <c>invited</c>, <c>held</c>, <c>cancelled</c>).</summary>
[JsonConverter(typeof(MeetingStateJsonConverter))]
public enum MeetingState
{
    /// <summary>Geplant: on the calendar, the agenda being put together.</summary>
    Planned,

    /// <summary>Eingeladen: the invitation with the agenda went out.</summary>
    Invited,

    /// <summary>Durchgeführt: it took place; results are recorded.</summary>
    Held,

    /// <summary>Abgesagt: its motions wait for a new date.</summary>
    Cancelled,
}

public sealed class MeetingStateJsonConverter() : JsonStringEnumConverter<MeetingState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

public static class MeetingStates
{
    public static string DisplayName(MeetingState state) => state switch
    {
        MeetingState.Planned => "geplant",
        MeetingState.Invited => "eingeladen",
        MeetingState.Held => "durchgeführt",
        MeetingState.Cancelled => "abgesagt",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>OParl's free-text meetingState.</summary>
    public static string OParlName(MeetingState state) => state switch
    {
        MeetingState.Planned => "terminiert",
        MeetingState.Invited => "eingeladen",
        MeetingState.Held => "durchgeführt",
        MeetingState.Cancelled => "abgesagt",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
