using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>What the dashboard says about a motion in its Beratungsfolge: whom it waits for and until when.</summary>
internal static class ConsultationText
{
    public static MotionRecord Project(MotionRecord motion, ConsultationState state, OrganizationCatalog catalog, string timeZone)
    {
        var current = state.Current;
        var (status, waitingFor, due) = current switch
        {
            null => (WorkflowSentences.Decided(state.Decision!.Value), (string?)null, (DateTimeOffset?)null),
            { MeetingDate: { } date } => (WorkflowSentences.MeetingScheduled(catalog.Phrase(current.OrganizationId), date),
                "Ratsbüro (Ergebnis eintragen)", new DateTimeOffset(DurableTimer.EndOfDay(date, timeZone), TimeSpan.Zero)),
            _ => (WorkflowSentences.AwaitingMeetingDate(catalog.Phrase(current.OrganizationId)), "Ratsbüro (Sitzungstermin festlegen)", null),
        };
        return motion with
        {
            Stage = state.Stage,
            Consultations = state.Consultations,
            ResolutionTexts = state.ResolutionTexts,
            ResolutionText = state.ResolutionText,
            Status = status,
            WaitingFor = waitingFor,
            DueAt = due,
            Overdue = false,
            Decision = state.Decision,
        };
    }

    public static string Describe(ConsultationEvent e, OrganizationCatalog catalog) => e switch
    {
        ConsultationScheduled { DateUnchanged: true } s => WorkflowSentences.MeetingAssigned(catalog.Phrase(s.OrganizationId), s.MeetingDate),
        ConsultationScheduled s when s.PreviousMeetingDate is { } before =>
            WorkflowSentences.MeetingMoved(catalog.Phrase(s.OrganizationId), before, s.MeetingDate),
        ConsultationScheduled s => WorkflowSentences.MeetingSet(catalog.Phrase(s.OrganizationId), s.MeetingDate),
        ConsultationUnscheduled u => WorkflowSentences.MeetingCancelled(catalog.Phrase(u.OrganizationId), u.PreviousMeetingDate),
        ConsultationResultRecorded r =>
            WorkflowSentences.ResultRecorded(catalog.Phrase(r.OrganizationId), r.MeetingDate, r.Outcome, r.ByCouncil, r.Votes),
        ResolutionTextAmended a => WorkflowSentences.ResolutionTextAmended(catalog.Phrase(a.OrganizationId), a.Version),
        ConsultationInserted i => WorkflowSentences.ConsultationInserted(catalog.Phrase(i.OrganizationId), catalog.Phrase(i.ReferredBy)),
        MotionDecided d => WorkflowSentences.MotionDecided(catalog.Phrase(d.OrganizationId), d.Outcome),
        _ => e.ToString(),
    };
}
