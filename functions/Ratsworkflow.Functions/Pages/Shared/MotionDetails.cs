using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Web;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Pages;

/// <summary>
/// A motion as the pages show it: its record with organization names resolved and outcomes in German. The faction's,
/// the member's and the clerks' pages share it, and with it the partials _MotionTexts, _MotionProgress and _Timeline.
/// </summary>
public sealed class MotionDetails(MotionRecord record, OrganizationCatalog catalog, IReadOnlyList<TimelineEntry>? timeline = null)
{
    public MotionRecord Record => record;

    public IReadOnlyList<TimelineEntry> Timeline { get; } = timeline ?? [];

    /// <summary>The stage as the API names it, for <c>rw-status</c> and <c>rw-steps</c>.</summary>
    public string Stage => record.Stage.ToString();

    public string FactionName => catalog.NameOf(record.FactionId);

    /// <summary>The faction for sentences: "im Namen der SPD-Ratsfraktion".</summary>
    public OrganizationName FactionPhrase => catalog.Phrase(record.FactionId);

    /// <summary>"A/2026/0042", or a placeholder until registration assigns one.</summary>
    public string ReferenceText => record.Reference ?? "noch ohne Aktenzeichen";

    public string NameOf(string organizationId) => catalog.NameOf(organizationId);

    public string CouncilName => catalog.Council.Name;

    /// <summary>The Beirat that votes (or would vote) on it; null when none was asked.</summary>
    public string? BeiratName =>
        record.Beirat is { } beirat ? catalog.NameOf(beirat.OrganizationId)
        : record.BeiratReview ? catalog.AdvisoryBoard?.Name ?? "Beirat"
        : null;

    /// <summary>The Beirat for sentences: "Der Integrationsrat gibt … ab"; null when none was asked.</summary>
    public OrganizationName? BeiratPhrase =>
        record.Beirat is { } beirat ? catalog.Phrase(beirat.OrganizationId)
        : record.BeiratReview ? catalog.AdvisoryBoard?.Phrase ?? OrganizationName.Of("Beirat")
        : null;

    /// <summary>"Der Integrationsrat empfiehlt den Antrag (Ja 4, Nein 1, Enthaltung 0)."; null while no vote has closed.</summary>
    public string? BeiratResult => record.Beirat is { Outcome: not BeiratOutcome.Pending } b && BeiratPhrase is { } beirat
        ? $"{BeiratTexts.Sentence(beirat, b.Outcome)} ({VoteWording.Counts(b.Votes)})."
        : null;

    /// <summary>For a withdrawn motion, the step it had reached (the step line shows the rest as no longer coming).</summary>
    public ProcessStep? WithdrawnAt => record.Stage == MotionStage.Withdrawn ? StepReached(record) : null;

    /// <summary>How far a motion got: the council or the committees once consulted, the Beirat while it votes, else its receipt.</summary>
    public static ProcessStep StepReached(MotionRecord record) =>
        record.Consultations.Count > 0
            ? new ConsultationState(record.Consultations, record.ResolutionTexts).Stage == MotionStage.Council
                ? ProcessStep.Council
                : ProcessStep.Committees
        : record.Beirat is { Outcome: BeiratOutcome.Pending } ? ProcessStep.Beirat
        : record.Beirat is not null ? ProcessStep.Committees
        : ProcessStep.Receipt;

    /// <summary>
    /// The Beirat members' comments with their names, oldest first: personal data, so only the clerks' page shows them.
    /// </summary>
    public IReadOnlyList<VoteCommentRow> VoteComments =>
        record.Beirat is { MemberVotes: { } votes } beirat
            ? votes.Where(v => v.Value.Comment is not null).OrderBy(v => v.Value.At)
                .Select(v => new VoteCommentRow(MemberName(beirat.OrganizationId, v.Key), BeiratTexts.DisplayName(v.Value.Choice),
                    v.Value.Comment!, v.Value.At)).ToList()
            : [];

    private string MemberName(string beiratId, string memberId) =>
        catalog.Find(beiratId)?.Members.FirstOrDefault(m => m.Id == memberId)?.Name ?? "ehemaliges Mitglied";

    public string? DecisionText => record.Decision is { } decision ? ConsultationOutcomes.DisplayName(decision, byCouncil: true) : null;

    /// <summary>
    /// The Beratungsfolge: as the workflow keeps it once consultation began, before that as requested (committees,
    /// then the council).
    /// </summary>
    public IReadOnlyList<ConsultationRow> Consultations
    {
        get
        {
            if (record.Consultations.Count == 0)
            {
                return [.. record.RequestedConsultations.Select(id => new ConsultationRow(catalog.NameOf(id), false, null, null, null, false)),
                    new ConsultationRow(CouncilName, true, null, null, null, false)];
            }
            var current = new ConsultationState(record.Consultations, record.ResolutionTexts).CurrentPosition;
            // Postponed meetings stay listed before the consultation's current one (Consultation.Sessions).
            return record.Consultations.SelectMany((consultation, i) => consultation.Sessions().Select((c, session) => new ConsultationRow(
                catalog.NameOf(c.OrganizationId), c.IsCouncil, c.MeetingDate,
                c.Outcome is { } outcome ? ConsultationOutcomes.DisplayName(outcome, c.IsCouncil) : null,
                c.Votes is { } votes ? VoteWording.Counts(votes) : null,
                i == current && session == (consultation.Postponed?.Count ?? 0)
                    && record.Stage is MotionStage.Consultation or MotionStage.Council))).ToList();
        }
    }

    /// <summary>Earlier wordings of the Beschlussvorschlag, newest first (the current one is <see cref="MotionRecord.ResolutionText"/>).</summary>
    public IEnumerable<ResolutionTextVersion> EarlierTexts => record.ResolutionTexts.Reverse().Skip(1);

    public string AmendedBy(ResolutionTextVersion version) =>
        version.AmendedBy is { } by
            ? $"Fassung {version.Version}, geändert durch {catalog.Phrase(by).Accusative}"
            : $"Fassung {version.Version} (Antrag der Fraktion)";

    /// <summary>Whether the faction (or a clerk on its behalf) can still withdraw it.</summary>
    public bool CanWithdraw => MotionStages.CanWithdraw(record.Stage);

}

public sealed record VoteCommentRow(string MemberName, string Choice, string Comment, DateTimeOffset At);

/// <param name="Outcome">German, e.g. "ungeändert empfohlen"; null until recorded.</param>
/// <param name="IsCurrent">The consultation the motion waits for now.</param>
public sealed record ConsultationRow(string Name, bool IsCouncil, DateOnly? MeetingDate, string? Outcome, string? Votes, bool IsCurrent);

/// <summary>The model of _Attachments: a motion's Anlagen and, when the reader may download them, the link prefix.</summary>
public sealed record AttachmentList(IReadOnlyList<Attachments.Attachment> Attachments, string? Links);

/// <summary>The model of _WithdrawQuestion: which motion, why a first attempt was refused, and the way back.</summary>
public sealed record WithdrawQuestion(MotionDetails Motion, string? Refusal, string BackUrl, bool ForClerk);
