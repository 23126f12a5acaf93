using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Consultations;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Api;

/// <summary>
/// <c>GET /api/motions/{id}</c> exactly as docs/design.md §4 specifies, plus fields added since (extend, don't break).
/// <c>status</c> is machine-readable (the stage while it is running, "Failed" when a step failed); the German
/// description is <c>statusText</c>.
/// </summary>
public sealed record MotionView(
    string MotionId,
    string? Reference,
    string Title,
    string FactionId,
    MotionStage Stage,
    string Status,
    string StatusText,
    string? WaitingFor,
    DateTimeOffset? DueAt,
    bool Overdue,
    string ResolutionText,
    string Justification,
    string? FinancialImpact,
    IReadOnlyList<ConsultationView> Consultations,
    BeiratView? Beirat,
    ConsultationOutcome? Decision,
    IReadOnlyList<ResolutionTextVersion> ResolutionTexts,
    IReadOnlyList<HistoryView> History,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<AttachmentView> Attachments)
{
    public static MotionView From(MotionRecord m, IReadOnlyList<TimelineEntry> timeline) => new(
        m.MotionId, m.Reference, m.Title, m.FactionId, m.Stage,
        m.Stage.ToString(), m.Status, m.WaitingFor, m.DueAt, m.Overdue,
        m.ResolutionText, m.Justification, m.FinancialImpact,
        m.Consultations.Select(c => new ConsultationView(c.OrganizationId, c.MeetingDate, c.Outcome, c.Votes, c.MeetingId)).ToList(),
        m.Beirat is { } b
            ? new BeiratView(b.Votes.Yes, b.Votes.No, b.Votes.Abstain, b.Outcome, b.Deadline, b.VotingMembers, VoteCommentView.Of(b))
            : null,
        m.Decision, m.ResolutionTexts,
        timeline.Select(e => new HistoryView(e.At, e.Type, e.Text, e.Actor)).ToList(),
        m.CreatedAt, m.UpdatedAt,
        m.Attachments
            .Select(a => new AttachmentView(a.Id, a.FileName, a.Length, a.Sha256, $"/api/motions/{m.MotionId}/attachments/{a.Id}"))
            .ToList());
}

/// <param name="Url">Where a clerk downloads it (bearer token or clerk cookie).</param>
public sealed record AttachmentView(int Id, string FileName, long Length, string Sha256, string Url);

/// <param name="MeetingId">The meeting (<c>GET /api/meetings/{id}</c>) whose agenda it is on, or was decided at.</param>
public sealed record ConsultationView(string OrganizationId, DateOnly? MeetingDate, ConsultationOutcome? Outcome, VoteCount? Votes,
    string? MeetingId = null);

/// <param name="Comments">The members' comments with their votes: personal data, so only here (clerk API), never public.</param>
public sealed record BeiratView(int Yes, int No, int Abstain, BeiratOutcome Outcome, DateTimeOffset Deadline, int VotingMembers,
    IReadOnlyList<VoteCommentView> Comments);

public sealed record VoteCommentView(string MemberId, VoteChoice Choice, string Comment, DateTimeOffset At)
{
    public static IReadOnlyList<VoteCommentView> Of(BeiratSummary beirat) =>
        (beirat.MemberVotes ?? new Dictionary<string, MemberVote>())
            .Where(v => v.Value.Comment is not null)
            .OrderBy(v => v.Value.At)
            .Select(v => new VoteCommentView(v.Key, v.Value.Choice, v.Value.Comment!, v.Value.At))
            .ToList();
}

public sealed record HistoryView(DateTimeOffset At, string Type, string Text, string? Actor);
