namespace Ratsworkflow.Functions.Meetings;

public enum Placement
{
    Placed,
    NotFound,
    Cancelled,
    Full,
}

/// <param name="Meeting">The meeting as it stood when the motion was (or already was) on its agenda.</param>
public sealed record PlacementResult(Placement Result, Meeting? Meeting);

/// <summary>
/// What the motions' workflow writes on agendas: a motion put on one, taken off one, its result. Steps run at least
/// once, so each write first reads the agenda and does only what is missing (a motion already on it keeps its place,
/// a result already recorded is not written again); each is guarded by the meeting's ETag and redone on a conflict.
/// </summary>
public sealed class AgendaKeeper(MeetingStore store)
{
    /// <summary>Enough for many motions being added to one meeting at once; beyond it the step fails and the engine retries it.</summary>
    private const int Attempts = 25;

    /// <summary>Puts the motion at the end of its part (public unless the entry says otherwise), unless it is on the agenda already.</summary>
    public Task<PlacementResult> PlaceAsync(string meetingId, AgendaEntry entry) => RetryAsync(meetingId, async agenda =>
    {
        if (agenda is null)
        {
            return Done(new PlacementResult(Placement.NotFound, null));
        }
        if (agenda.Meeting.State == MeetingState.Cancelled)
        {
            return Done(new PlacementResult(Placement.Cancelled, agenda.Meeting));
        }
        if (agenda.Find(entry.MotionId) is not null)
        {
            return Done(new PlacementResult(Placement.Placed, agenda.Meeting));
        }
        if (agenda.Items.Count >= Agenda.MaxItems)
        {
            return Done(new PlacementResult(Placement.Full, agenda.Meeting));
        }
        var order = agenda.Items.Count == 0 ? 1 : agenda.Items.Max(i => i.Entry.Order) + 1;
        var (written, meeting) = await store.CommitAsync(agenda.Meeting, agenda.Meeting, upsert: [entry with { Order = order }]);
        return (written == MeetingWrite.Written, new PlacementResult(Placement.Placed, meeting));
    });

    /// <summary>
    /// Takes the motion off the agenda (it moved to another meeting, or was withdrawn); the TOPs after it move up. A
    /// result already recorded, or a cancelled meeting, keeps it: that is what happened there.
    /// </summary>
    public Task LeaveAsync(string meetingId, string motionId) => RetryAsync(meetingId, async agenda =>
    {
        if (agenda?.Find(motionId) is not { Entry.HasResult: false } || agenda.Meeting.State == MeetingState.Cancelled)
        {
            return Done(true);
        }
        var (written, _) = await store.CommitAsync(agenda.Meeting, agenda.Meeting, remove: [motionId]);
        return (written == MeetingWrite.Written, true);
    });

    /// <summary>Records the result on the motion's entry; the meeting evidently took place, so it counts as held.</summary>
    public Task RecordAsync(string meetingId, string motionId, AgendaResult result) => RetryAsync(meetingId, async agenda =>
    {
        if (agenda?.Find(motionId)?.Entry is not { } entry
            || (entry.Outcome == result.Outcome && entry.Votes == result.Votes && entry.ResolutionText == result.ResolutionText))
        {
            return Done(true);
        }
        var meeting = agenda.Meeting.IsOpen ? agenda.Meeting with { State = MeetingState.Held } : agenda.Meeting;
        var recorded = entry with
        {
            Outcome = result.Outcome, Votes = result.Votes, ResolutionText = result.ResolutionText, RecordedAt = result.RecordedAt,
        };
        var (written, _) = await store.CommitAsync(agenda.Meeting, meeting, upsert: [recorded]);
        return (written == MeetingWrite.Written, true);
    });

    private static (bool Done, T Answer) Done<T>(T answer) => (true, answer);

    /// <param name="attempt">Done with the answer, or not done: the agenda changed meanwhile, read it again and redo.</param>
    private async Task<T> RetryAsync<T>(string meetingId, Func<Agenda?, Task<(bool Done, T Answer)>> attempt)
    {
        for (var i = 0; i < Attempts; i++)
        {
            var (done, answer) = await attempt(await store.GetAgendaAsync(meetingId));
            if (done)
            {
                return answer;
            }
        }
        throw new InvalidOperationException($"The agenda of meeting {meetingId} kept changing; the step is tried again.");
    }
}
