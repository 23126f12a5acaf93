using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// Finds the meeting a schedule request means: the one named by <c>meetingId</c>, or — the API's older form
/// <c>{ organizationId, meetingDate }</c> — the organization's meeting on that day, created if it has none yet.
/// </summary>
public sealed class MeetingPicker(MeetingStore store)
{
    /// <summary>The named meeting, checked against the organization and date the request may also give.</summary>
    public async Task<Outcome<Meeting>> ByIdAsync(string meetingId, string? organizationId, DateOnly? date, OrganizationCatalog catalog,
        CancellationToken cancellationToken)
    {
        var meeting = await store.GetAsync(meetingId, cancellationToken);
        if (meeting is null)
        {
            return Invalid("meetingId", "Diese Sitzung gibt es nicht.");
        }
        if (!string.IsNullOrWhiteSpace(organizationId) && organizationId != meeting.OrganizationId)
        {
            return Invalid("organizationId",
                $"Die Sitzung gehört zu „{catalog.NameOf(meeting.OrganizationId)}“, nicht zu „{catalog.NameOf(organizationId)}“.");
        }
        if (date is { } day && day != meeting.Date)
        {
            return Invalid("meetingDate", $"Die Sitzung ist am {MeetingTexts.Date(meeting.Date)}, nicht am {MeetingTexts.Date(day)}.");
        }
        if (meeting.State == MeetingState.Cancelled)
        {
            return Outcomes.Fail<Meeting>(OutcomeKind.Conflict,
                $"Die Sitzung {MeetingTexts.When(meeting)} ist abgesagt. Bitte wählen Sie eine andere Sitzung.");
        }
        return Outcomes.Ok(meeting);
    }

    /// <summary>
    /// The organization's open meeting on <paramref name="date"/>, or a new one (time and place still open). Two
    /// requests at once create one meeting: the day's row lets only one of them in, the other takes its meeting.
    /// </summary>
    public async Task<Meeting> OnDayAsync(string organizationId, DateOnly date, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.OnDayAsync(organizationId, date, cancellationToken) is { } existing)
            {
                return existing;
            }
            var (written, created) = await store.CreateAsync(
                new Meeting(Meeting.NewId(organizationId), organizationId, date, null, null, MeetingState.Planned, default, default),
                cancellationToken);
            if (written == MeetingWrite.Written)
            {
                return created!;
            }
        }
        throw new InvalidOperationException($"No meeting of {organizationId} on {date} could be found or created.");
    }

    private static Outcome<Meeting> Invalid(string field, string message) =>
        Outcomes.Fail<Meeting>(OutcomeKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });
}
