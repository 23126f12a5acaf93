using System.Globalization;
using Ratsworkflow.Functions.Input;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>
/// The rules of the Beratungsfolge as one pure function: a clerk's command against the current state gives the
/// events to record, or a German refusal that tells a wrong request from one at the wrong time (<see cref="ConsultationErrorKind"/>).
/// </summary>
public static partial class ConsultationDecider
{
    /// <summary>Further ahead than any meeting calendar: such a date is a typo (2062 for 2026).</summary>
    public const int MaxDaysAhead = 2 * 366;

    /// <param name="today">The body's calendar day (<see cref="Body.Today"/>): meeting dates are local days.</param>
    public static ConsultationDecision Decide(ConsultationCommand command, ConsultationState state, OrganizationCatalog organizations,
        DateOnly today) =>
        command switch
        {
            ScheduleConsultation schedule => Schedule(schedule, state, organizations, today),
            RecordConsultationResult result => RecordResult(result, state, organizations, today),
            FollowMeeting follow => Follow(follow, state, organizations),
            _ => throw new ArgumentException($"Unbekannter Befehl {command.GetType().Name}.", nameof(command)),
        };

    private static ConsultationDecision Schedule(ScheduleConsultation command, ConsultationState state, OrganizationCatalog organizations,
        DateOnly today)
    {
        var errors = new FieldErrors();
        CheckOrganization(errors, command.OrganizationId, organizations);
        if (command.MeetingDate is null)
        {
            errors.Add("meetingDate", "Bitte geben Sie das Datum der Sitzung an.");
        }
        if (!errors.IsEmpty)
        {
            return ConsultationDecision.Invalid(errors);
        }
        var organizationId = command.OrganizationId!;
        var date = command.MeetingDate!.Value;
        if (Turn(organizationId, state, organizations) is { } refusal)
        {
            return refusal;
        }
        var position = state.CurrentPosition!.Value;
        var current = state.Consultations[position];
        CheckDate(errors, date, state, position, today);
        if (!errors.IsEmpty)
        {
            return ConsultationDecision.Invalid(errors);
        }
        // The same meeting again is a retried request, not a moved meeting: nothing to record, nothing to mail. The
        // same date on another meeting links the meeting (a date from before meetings existed).
        return current.MeetingDate == date && current.MeetingId == command.MeetingId
            ? ConsultationDecision.Accept()
            : ConsultationDecision.Accept(new ConsultationScheduled(position, organizationId, date, current.MeetingDate, command.MeetingId));
    }

    /// <summary>
    /// The motion follows its meeting: moved with it, or back to waiting for a date when it was cancelled. Anything
    /// else — the motion moved on, got its result, or sits on another meeting — is not this meeting's business, and
    /// is accepted without events, so a repeated or late command does no harm.
    /// </summary>
    private static ConsultationDecision Follow(FollowMeeting command, ConsultationState state, OrganizationCatalog organizations)
    {
        var errors = new FieldErrors();
        CheckOrganization(errors, command.OrganizationId, organizations);
        if (string.IsNullOrWhiteSpace(command.MeetingId))
        {
            errors.Add("meetingId", "Bitte geben Sie die Sitzung an.");
        }
        if (!errors.IsEmpty)
        {
            return ConsultationDecision.Invalid(errors);
        }
        if (state.CurrentPosition is not { } position
            || state.Consultations[position] is not { Outcome: null, MeetingDate: { } previous } current
            || current.OrganizationId != command.OrganizationId
            || current.MeetingId != command.MeetingId)
        {
            return ConsultationDecision.Accept();
        }
        if (command.Cancelled)
        {
            return ConsultationDecision.Accept(new ConsultationUnscheduled(position, current.OrganizationId, previous, command.MeetingId!));
        }
        return command.MeetingDate is not { } date || date == previous
            ? ConsultationDecision.Accept()
            : ConsultationDecision.Accept(new ConsultationScheduled(position, current.OrganizationId, date, previous, command.MeetingId));
    }

    /// <summary>
    /// Whether the motion may move with its meeting to <paramref name="date"/>: the Sitzungsdienst asks before it moves a
    /// meeting, so the move is refused as a whole rather than half applied. Null when it may.
    /// </summary>
    public static string? MoveProblem(ConsultationState state, string meetingId, DateOnly date, DateOnly today)
    {
        if (state.CurrentPosition is not { } position || state.Consultations[position] is not { Outcome: null } current
            || current.MeetingId != meetingId)
        {
            return null;
        }
        var errors = new FieldErrors();
        CheckDate(errors, date, state, position, today);
        return errors.ToDictionary().Values.SelectMany(m => m).FirstOrDefault();
    }

    private static void CheckDate(FieldErrors errors, DateOnly date, ConsultationState state, int position, DateOnly today)
    {
        if (date > today.AddDays(MaxDaysAhead))
        {
            errors.Add("meetingDate", $"Der {Format(date)} liegt mehr als zwei Jahre in der Zukunft. Bitte prüfen Sie das Datum.");
        }
        if (PreviousMeetingDate(state, position) is { } previous && date < previous)
        {
            errors.Add("meetingDate", $"Die Sitzung kann nicht vor der vorherigen Beratung am {Format(previous)} liegen.");
        }
    }

    private static void CheckOrganization(FieldErrors errors, string? organizationId, OrganizationCatalog organizations)
    {
        if (string.IsNullOrWhiteSpace(organizationId))
        {
            errors.Add("organizationId", "Bitte geben Sie das Gremium an.");
        }
        else if (organizations.Find(organizationId) is null)
        {
            errors.Add("organizationId", $"{InputText.Quote(organizationId)} ist kein bekanntes Gremium.");
        }
    }

    /// <summary>Only the current consultation may be scheduled or get a result; says why another one may not.</summary>
    private static ConsultationDecision? Turn(string organizationId, ConsultationState state, OrganizationCatalog organizations)
    {
        if (state.CurrentPosition is not { } position)
        {
            return ConsultationDecision.Conflict("Der Rat hat über den Antrag bereits entschieden; die Beratung ist abgeschlossen.");
        }
        if (state.Consultations[position].OrganizationId == organizationId)
        {
            return null;
        }
        var name = organizations.Phrase(organizationId);
        var subject = OrganizationName.Capitalized(name.Nominative);
        var where = $"Der Antrag liegt derzeit {organizations.Phrase(state.Consultations[position].OrganizationId).At}.";
        if (state.Consultations.Skip(position + 1).Any(c => c.OrganizationId == organizationId))
        {
            return ConsultationDecision.Conflict($"{subject} ist noch nicht an der Reihe. {where}");
        }
        if (state.Consultations.Take(position).Any(c => c.OrganizationId == organizationId))
        {
            return ConsultationDecision.Conflict($"{subject} hat {name.Possessive}e Beratung bereits abgeschlossen. {where}");
        }
        return ConsultationDecision.Conflict($"{subject} gehört nicht zur Beratungsfolge dieses Antrags. {where}");
    }

    private static DateOnly? PreviousMeetingDate(ConsultationState state, int position) =>
        state.Consultations.Take(position).LastOrDefault(c => c.MeetingDate is not null)?.MeetingDate;

    private static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
