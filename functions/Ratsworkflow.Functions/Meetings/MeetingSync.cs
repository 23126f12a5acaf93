using System.Collections.Concurrent;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Periodic;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.Functions.Meetings;

/// <summary>
/// Takes a moved or cancelled meeting's motions along: each gets a <see cref="FollowMeeting"/> command, and its workflow
/// records the new date (or the wait for one) and mails the faction. The meeting is noted in storage before it
/// changes and the note is removed only once every motion has followed, so a process that dies half-way leaves the
/// note, and the periodic run finishes the job. Following is idempotent — the workflow reads the meeting as it is
/// then — so doing it twice, or late, does no harm.
/// </summary>
public sealed class MeetingSync(MeetingStore store, CommandService commands, TimeProvider clock, ILogger<MeetingSync> logger) : IPeriodicWork
{
    public const string Actor = "Sitzungsdienst";

    /// <summary>A request that is still taking its motions along is left alone by the periodic run for this long.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>Motions are separate workflows; a few at a time keeps a full agenda quick without flooding the engine.</summary>
    private const int InParallel = 4;

    /// <summary>Sends each motion still waiting on the meeting its command; removes the note when all followed.</summary>
    /// <param name="syncTag">The note's ETag from <see cref="MeetingStore.MarkForSyncAsync"/>.</param>
    public async Task<IReadOnlyList<MotionAnswer>> SyncAsync(string meetingId, string syncTag, string actor, CancellationToken cancellationToken)
    {
        var agenda = await store.GetAgendaAsync(meetingId, cancellationToken);
        var open = agenda?.Open.ToList() ?? [];
        var answers = new ConcurrentDictionary<int, MotionAnswer>();
        await Parallel.ForEachAsync(open,
            new ParallelOptions { MaxDegreeOfParallelism = InParallel, CancellationToken = cancellationToken }, async (item, ct) =>
        {
            var outcome = await commands.FollowMeetingAsync(item.MotionId, new FollowMeeting(agenda!.Meeting.OrganizationId, meetingId), actor, ct);
            answers[item.Number] = new MotionAnswer(item.MotionId, item.Entry.Reference, outcome.Kind, outcome.Detail);
        });
        var ordered = answers.OrderBy(a => a.Key).Select(a => a.Value).ToList();
        // A conflict: the motion's step failed; it follows once a clerk retried it. Anything else is as far as it goes.
        var waiting = ordered.Where(a => a.Kind == OutcomeKind.Conflict).ToList();
        foreach (var refused in ordered.Where(a => !a.Succeeded && a.Kind != OutcomeKind.Conflict))
        {
            logger.LogError("Motion {MotionId} could not follow meeting {MeetingId}: {Kind} {Detail}",
                refused.MotionId, meetingId, refused.Kind, refused.Detail);
        }
        if (waiting.Count == 0)
        {
            await store.ClearSyncAsync(meetingId, syncTag, cancellationToken);
        }
        return ordered;
    }

    /// <summary>The periodic run: finishes what a request could not (its process died, or a motion's step had failed).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var (meetingId, etag) in await store.PendingSyncsAsync(clock.GetUtcNow() - Grace, cancellationToken))
        {
            await SyncAsync(meetingId, etag, Actor, cancellationToken);
        }
    }
}
