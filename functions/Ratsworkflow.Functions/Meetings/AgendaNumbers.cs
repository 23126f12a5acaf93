using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// The TOP numbers of listed motions. They belong to the meetings (a clerk's reordering changes them without touching
/// any motion), so a list reads the agendas of the meetings it shows: one query per distinct meeting, in parallel —
/// a page of 50 motions typically names a handful of meetings.
/// </summary>
public sealed class AgendaNumbers(MeetingStore store)
{
    /// <summary>TOP number by motion id, for the motions that are on an agenda.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OfAsync(IEnumerable<MotionListItem> items, CancellationToken cancellationToken)
    {
        var meetings = items.Select(i => i.MeetingId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var agendas = await Task.WhenAll(meetings.Select(id => store.GetAgendaAsync(id, cancellationToken)));
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in agendas.OfType<Agenda>().SelectMany(a => a.Items))
        {
            numbers[item.MotionId] = item.Number;
        }
        return numbers;
    }
}
