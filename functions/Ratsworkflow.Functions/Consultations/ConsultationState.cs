using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Consultations;

/// <summary>
/// The Beratungsfolge of one motion and its Beschlussvorschlag with every version. The council's entry is always the
/// last one; the consultations are taken in order, so the first unfinished entry is the current one.
/// </summary>
public sealed record ConsultationState(IReadOnlyList<Consultation> Consultations, IReadOnlyList<ResolutionTextVersion> ResolutionTexts)
{
    /// <param name="committeeIds">The requested committees in order (already validated); the council follows them.</param>
    public static ConsultationState Start(IEnumerable<string> committeeIds, string councilId, string resolutionText) => new(
        [.. committeeIds.Select(id => new Consultation(id, IsCouncil: false)), new Consultation(councilId, IsCouncil: true)],
        [new ResolutionTextVersion(1, resolutionText)]);

    /// <summary>The index of the consultation the motion waits for; null once the council has decided.</summary>
    public int? CurrentPosition
    {
        get
        {
            for (var i = 0; i < Consultations.Count; i++)
            {
                if (!Consultations[i].IsFinished)
                {
                    return i;
                }
            }
            return null;
        }
    }

    public Consultation? Current => CurrentPosition is { } position ? Consultations[position] : null;

    public bool IsDecided => CurrentPosition is null;

    /// <summary>The council's final outcome; null while undecided.</summary>
    public ConsultationOutcome? Decision => IsDecided ? Consultations[^1].Outcome : null;

    public string ResolutionText => ResolutionTexts[^1].Text;

    public MotionStage Stage => Current switch
    {
        null => MotionStage.Decided,
        { IsCouncil: true } => MotionStage.Council,
        _ => MotionStage.Consultation,
    };

    /// <exception cref="InvalidOperationException">The event does not belong to this state (another motion, or applied twice).</exception>
    public ConsultationState Apply(ConsultationEvent @event) => @event switch
    {
        ConsultationScheduled e => Update(e, c => c with { MeetingDate = e.MeetingDate, MeetingId = e.MeetingId, Outcome = null, Votes = null }),
        ConsultationUnscheduled e => Update(e, c => c with { MeetingDate = null, MeetingId = null, Outcome = null, Votes = null }),
        ConsultationResultRecorded { Outcome: ConsultationOutcome.Postponed } e => Update(e, c => c with
        {
            MeetingDate = null, MeetingId = null, Outcome = e.Outcome, Votes = e.Votes,
            Postponed = [.. c.Postponed ?? [], new PostponedMeeting(e.MeetingDate, e.Votes)],
        }),
        ConsultationResultRecorded e => Update(e, c => c with { Outcome = e.Outcome, Votes = e.Votes }),
        ResolutionTextAmended e => this with
        {
            ResolutionTexts = [.. ResolutionTexts, new ResolutionTextVersion(e.Version, e.ResolutionText, e.OrganizationId, e.MeetingDate)],
        },
        ConsultationInserted e when e.Position >= 1 && e.Position <= Consultations.Count => this with
        {
            Consultations = [.. Consultations.Take(e.Position), new Consultation(e.OrganizationId, e.IsCouncil), .. Consultations.Skip(e.Position)],
        },
        MotionDecided => this,
        _ => throw new InvalidOperationException($"Das Ereignis {@event} passt nicht zur Beratungsfolge."),
    };

    public ConsultationState ApplyAll(IEnumerable<ConsultationEvent> events) => events.Aggregate(this, (state, e) => state.Apply(e));

    private ConsultationState Update(ConsultationEvent e, Func<Consultation, Consultation> change)
    {
        if (e.Position < 0 || e.Position >= Consultations.Count || Consultations[e.Position].OrganizationId != e.OrganizationId)
        {
            throw new InvalidOperationException(
                $"Das Ereignis {e} passt nicht zur Beratungsfolge: an Position {e.Position} steht kein „{e.OrganizationId}“.");
        }
        var consultations = Consultations.ToArray();
        consultations[e.Position] = change(consultations[e.Position]);
        return this with { Consultations = consultations };
    }
}
