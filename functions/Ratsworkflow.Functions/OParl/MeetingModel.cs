using System.Globalization;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.OParl;

/// <summary>
/// OParl Meeting and AgendaItem from the Sitzungsdienst's meetings: each meeting with its agenda in TOP order, a TOP
/// with its number, part (public or not), consultation, and — once recorded — result and resolution text.
/// </summary>
public sealed class MeetingModel(OParlUrls urls, OrganizationCatalog catalog)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(catalog.Body.TimeZone);

    public OParlMeeting Meeting(Agenda agenda)
    {
        var meeting = agenda.Meeting;
        var start = meeting.Date.ToDateTime(meeting.StartTime ?? TimeOnly.MinValue);
        return new OParlMeeting
        {
            Id = urls.Meeting(meeting.Id),
            Name = MeetingTexts.Name(meeting, catalog),
            MeetingState = MeetingStates.OParlName(meeting.State),
            Cancelled = meeting.State == MeetingState.Cancelled,
            Start = new DateTimeOffset(start, _zone.GetUtcOffset(start)),
            Organization = [urls.Organization(meeting.OrganizationId)],
            AgendaItem = [.. agenda.Items.Select(i => AgendaItem(agenda, i))],
            Created = Local(meeting.Created),
            Modified = Local(meeting.Modified),
        };
    }

    /// <summary>Modified with its meeting: a TOP's number changes whenever its agenda does.</summary>
    public OParlAgendaItem AgendaItem(Agenda agenda, AgendaItem item)
    {
        var meeting = agenda.Meeting;
        var entry = item.Entry;
        return new OParlAgendaItem
        {
            Id = urls.AgendaItem(meeting.Id, entry.MotionId),
            Meeting = urls.Meeting(meeting.Id),
            Number = item.Number.ToString(CultureInfo.InvariantCulture),
            Order = item.Number,
            Name = $"{entry.Reference} {entry.Title}",
            Public = entry.Public,
            Consultation = urls.Consultation(entry.MotionId, meeting.OrganizationId, entry.Occurrence),
            Result = entry.Outcome is { } outcome ? ConsultationOutcomes.DisplayName(outcome, entry.IsCouncil) : null,
            ResolutionText = entry.HasResult ? entry.ResolutionText : null,
            Created = Local(entry.Added > meeting.Created ? entry.Added : meeting.Created),
            Modified = Local(meeting.Modified),
        };
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);
}
