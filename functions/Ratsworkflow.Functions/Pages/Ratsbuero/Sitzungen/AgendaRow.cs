using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Meetings;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Pages.Ratsbuero.Sitzungen;

/// <summary>One TOP as the clerks' meeting pages show it: the agenda entry with what its motion's record says now.</summary>
/// <param name="Motion">Null only if the record is gone (an agenda never outlives its motions; shown as "–").</param>
/// <param name="Beirat">The Beirat's recommendation, e.g. "empfiehlt den Antrag (Ja 4, Nein 1, Enthaltung 0)".</param>
/// <param name="Earlier">The bodies that dealt with it before this meeting, with day and result.</param>
/// <param name="AwaitsResult">The motion waits for this meeting's result (it is on the agenda, not decided here yet).</param>
public sealed record AgendaRow(AgendaItem Item, MotionRecord? Motion, string? Beirat, IReadOnlyList<string> Earlier, bool AwaitsResult)
{
    public AgendaEntry Entry => Item.Entry;

    /// <summary>Loads every motion of the agenda (one read each, side by side): a meeting page is one meeting, not a list.</summary>
    public static async Task<IReadOnlyList<AgendaRow>> LoadAsync(Agenda agenda, MotionStore motions, OrganizationCatalog catalog,
        CancellationToken cancellationToken)
    {
        var records = await Task.WhenAll(agenda.Items.Select(i => motions.GetAsync(i.MotionId, cancellationToken)));
        return [.. agenda.Items.Zip(records, (item, record) => Of(agenda.Meeting, item, record, catalog))];
    }

    private static AgendaRow Of(Meeting meeting, AgendaItem item, MotionRecord? record, OrganizationCatalog catalog)
    {
        if (record is null)
        {
            return new AgendaRow(item, null, null, [], false);
        }
        var consultations = record.Consultations;
        var here = -1;
        for (var i = 0; i < consultations.Count; i++)
        {
            if (consultations[i].OrganizationId == meeting.OrganizationId
                && (consultations[i].MeetingId == meeting.Id || consultations[i].Outcome is null))
            {
                here = i;
                break;
            }
        }
        var earlier = consultations.Take(here < 0 ? 0 : here).Where(c => c.Outcome is not null).Select(c =>
            $"{catalog.NameOf(c.OrganizationId)}{(c.MeetingDate is { } date ? " (" + GermanFormat.ShortDate(date) + ")" : "")}: " +
            $"{ConsultationOutcomes.DisplayName(c.Outcome!.Value, c.IsCouncil)}").ToList();
        var current = record.Stage is MotionStage.Consultation or MotionStage.Council && consultations.Count > 0
            ? new ConsultationState(consultations, record.ResolutionTexts).Current
            : null;
        return new AgendaRow(item, record, new MotionDetails(record, catalog).BeiratResult, earlier,
            !item.Entry.HasResult && current is { Outcome: null } && current.MeetingId == meeting.Id);
    }
}
