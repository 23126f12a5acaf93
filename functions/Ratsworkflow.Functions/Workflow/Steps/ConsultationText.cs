using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>What the dashboard says about a motion in its Beratungsfolge: whom it waits for and until when.</summary>
internal static class ConsultationText
{
    public static MotionRecord Project(MotionRecord motion, ConsultationState state, OrganizationCatalog catalog, string timeZone)
    {
        var current = state.Current;
        var (status, waitingFor, due) = current switch
        {
            null => ($"Beschlossen: {ConsultationOutcomes.DisplayName(state.Decision!.Value, byCouncil: true)}", (string?)null, (DateTimeOffset?)null),
            { MeetingDate: { } date } => ($"Beratung in {catalog.NameOf(current.OrganizationId)} am {date:dd.MM.yyyy}", "Ratsbüro (Ergebnis eintragen)",
                new DateTimeOffset(DurableTimer.EndOfDay(date, timeZone), TimeSpan.Zero)),
            _ => ($"Wartet auf einen Sitzungstermin in {catalog.NameOf(current.OrganizationId)}", "Ratsbüro (Sitzungstermin festlegen)", null),
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
        ConsultationScheduled { DateUnchanged: true } s => $"{catalog.NameOf(s.OrganizationId)}: Beratung am {s.MeetingDate:dd.MM.yyyy} der Sitzung zugeordnet.",
        ConsultationScheduled s when s.PreviousMeetingDate is { } before =>
            $"{catalog.NameOf(s.OrganizationId)}: Sitzung vom {before:dd.MM.yyyy} auf den {s.MeetingDate:dd.MM.yyyy} verlegt.",
        ConsultationScheduled s => $"{catalog.NameOf(s.OrganizationId)}: Beratung am {s.MeetingDate:dd.MM.yyyy} terminiert.",
        ConsultationUnscheduled u => $"{catalog.NameOf(u.OrganizationId)}: Sitzung{(u.PreviousMeetingDate is { } date ? $" vom {date:dd.MM.yyyy}" : "")} abgesagt; die Beratung wartet auf einen neuen Termin.",
        ConsultationResultRecorded r => $"{catalog.NameOf(r.OrganizationId)} ({r.MeetingDate:dd.MM.yyyy}): {ConsultationOutcomes.DisplayName(r.Outcome, r.ByCouncil)}{Votes(r.Votes)}.",
        ResolutionTextAmended a => $"Beschlussvorschlag geändert durch {catalog.NameOf(a.OrganizationId)} (Fassung {a.Version}).",
        ConsultationInserted i => $"{catalog.NameOf(i.OrganizationId)} in die Beratungsfolge aufgenommen (verwiesen durch {catalog.NameOf(i.ReferredBy)}).",
        MotionDecided d => $"Beschluss des {catalog.NameOf(d.OrganizationId)}: {ConsultationOutcomes.DisplayName(d.Outcome, byCouncil: true)}.",
        _ => e.ToString(),
    };

    private static string Votes(VoteCount? votes) => votes is { } v ? $" (Ja {v.Yes}, Nein {v.No}, Enthaltung {v.Abstain})" : "";
}
