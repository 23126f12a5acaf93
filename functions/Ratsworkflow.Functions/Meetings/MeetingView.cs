using System.Globalization;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Web;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>A meeting in the JSON API; <see cref="Agenda"/> only when one meeting is asked for.</summary>
/// <param name="StartTime">"17:00", or null while open.</param>
/// <param name="Version">Send it back with a new order (<c>POST …/agenda</c>) to refuse it if the agenda changed meanwhile.</param>
public sealed record MeetingView(
    string MeetingId,
    string OrganizationId,
    DateOnly Date,
    string? StartTime,
    string? Place,
    MeetingState State,
    int Version,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    IReadOnlyList<AgendaItemView>? Agenda = null)
{
    public static MeetingView From(Meeting m, IEnumerable<AgendaItem>? agenda = null) => new(
        m.Id, m.OrganizationId, m.Date, m.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture), m.Place, m.State, m.Version,
        m.Created, m.Modified,
        agenda?.Select(AgendaItemView.From).ToList());
}

/// <param name="Number">The TOP number, 1…n through the public and then the non-public part.</param>
/// <param name="Outcome">Null until the result is recorded.</param>
public sealed record AgendaItemView(
    int Number,
    string MotionId,
    string Reference,
    string Title,
    string FactionId,
    bool Public,
    ConsultationOutcome? Outcome,
    VoteCount? Votes,
    string? ResolutionText)
{
    public static AgendaItemView From(AgendaItem item) => new(
        item.Number, item.MotionId, item.Entry.Reference, item.Entry.Title, item.Entry.FactionId, item.Entry.Public,
        item.Entry.Outcome, item.Entry.Votes, item.Entry.ResolutionText);
}

public sealed record MeetingListResponse(IReadOnlyList<MeetingView> Items);

/// <summary>A change of a meeting with what became of each motion that followed it.</summary>
public sealed record MeetingChangedResponse(MeetingView Meeting, IReadOnlyList<MotionAnswerView> Motions, string? Detail);

public sealed record MeetingResultsResponse(string MeetingId, IReadOnlyList<MotionAnswerView> Motions, string? Detail);

/// <summary>A <see cref="MotionAnswer"/> as the API says it: <see cref="Status"/> is what the motion's own endpoint answers.</summary>
public sealed record MotionAnswerView(string MotionId, string Reference, int Status, string? Detail, bool Succeeded)
{
    public static IReadOnlyList<MotionAnswerView> From(IReadOnlyList<MotionAnswer> answers) =>
        [.. answers.Select(a => new MotionAnswerView(a.MotionId, a.Reference, OutcomeHttp.Status(a.Kind), a.Detail, a.Succeeded))];
}
