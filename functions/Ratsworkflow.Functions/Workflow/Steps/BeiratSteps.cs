using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;
using Ratsworkflow.Functions.Wording;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>Opens the ballot and sends each voting member a personal vote link, bound to this motion and round, valid until the deadline.</summary>
public sealed class StartBeiratVote(WorkflowServices services, BallotStore ballots) : MotionStep<StartBeiratVoteInput, bool>
{
    protected override async Task<bool> RunAsync(StepContext step, StartBeiratVoteInput input)
    {
        var (motion, catalog) = await services.LoadAsync(step);
        var beirat = catalog.Find(input.BeiratId)!;
        var deadline = new DateTimeOffset(input.Deadline, TimeSpan.Zero);
        await ballots.OpenAsync(step.MotionId, input.Round, input.VotingMemberIds, deadline);
        var reviewing = motion with
        {
            Stage = MotionStage.BeiratReview,
            Status = WorkflowSentences.BeiratVoteRunning(beirat.Phrase),
            WaitingFor = beirat.Name,
            DueAt = deadline,
            Beirat = new BeiratSummary(beirat.Id, input.Round, deadline, VoteCount.None, input.VotingMemberIds.Count, BeiratOutcome.Pending),
        };
        await services.SaveAsync(step, motion, reviewing,
            services.Entry("beiratStarted", WorkflowSentences.BeiratVoteStarted(beirat.Phrase, deadline)));
        var members = beirat.VotingMembers.Where(m => input.VotingMemberIds.Contains(m.Id));
        await BeiratMail.SendVoteLinksAsync(services, ballots, step, reviewing, catalog, beirat, members, input.Round, deadline, reminder: false);
        return true;
    }
}

/// <summary>Counts the ballot after votes came in: the dashboard shows the counts, the orchestrator closes early when the
/// outcome is certain.</summary>
public sealed class CountVotes(WorkflowServices services, BallotStore ballots) : MotionStep<CountVotesInput, BeiratTally>
{
    protected override async Task<BeiratTally> RunAsync(StepContext step, CountVotesInput input)
    {
        var ballot = await ballots.GetAsync(step.MotionId, input.Round)
            ?? throw new InvalidOperationException($"Motion {step.MotionId} has no ballot {input.Round}.");
        var tally = ballot.Tally(new BeiratRules { QuorumShare = input.QuorumShare });
        var (motion, _) = await services.LoadAsync(step);
        var counted = motion with { Beirat = motion.Beirat! with { Votes = tally.Votes, MemberVotes = BeiratMail.MemberVotes(ballot) } };
        await services.SaveAsync(step, motion, counted,
            services.Entry("vote", WorkflowSentences.VotesCounted(tally.Votes.Total, ballot.VotingMemberIds.Count)));
        return tally;
    }
}

/// <summary>One reminder to the members who have not voted yet, with a fresh personal link.</summary>
public sealed class SendVoteReminders(WorkflowServices services, BallotStore ballots) : MotionStep<SendVoteRemindersInput, int>
{
    protected override async Task<int> RunAsync(StepContext step, SendVoteRemindersInput input)
    {
        var deadline = new DateTimeOffset(input.Deadline, TimeSpan.Zero);
        if (services.Now >= deadline)
        {
            // Processed only after the deadline (e.g. after an outage): the vote is closing, a reminder would be wrong.
            return 0;
        }
        var ballot = await ballots.GetAsync(step.MotionId, input.Round)
            ?? throw new InvalidOperationException($"Motion {step.MotionId} has no ballot {input.Round}.");
        var (motion, catalog) = await services.LoadAsync(step);
        var beirat = catalog.Find(input.BeiratId)!;
        var missing = beirat.VotingMembers.Where(m => ballot.MembersWithoutVote.Contains(m.Id)).ToList();
        var reminded = motion with { Beirat = motion.Beirat! with { ReminderSent = true } };
        await BeiratMail.SendVoteLinksAsync(services, ballots, step, reminded, catalog, beirat, missing, input.Round, deadline, reminder: true);
        await services.SaveAsync(step, motion, reminded, services.Entry("beiratReminder", WorkflowSentences.RemindersSent(missing.Count)));
        return missing.Count;
    }
}

/// <summary>Closes the vote: the ballot takes no more votes, links stop working, the result is recorded and sent to members,
/// faction and clerks.</summary>
public sealed class CloseBeiratVote(WorkflowServices services, BallotStore ballots) : MotionStep<CloseBeiratVoteInput, BeiratTally>
{
    protected override async Task<BeiratTally> RunAsync(StepContext step, CloseBeiratVoteInput input)
    {
        var ballot = await ballots.CloseAsync(step.MotionId, input.Round)
            ?? throw new InvalidOperationException($"Motion {step.MotionId} has no ballot {input.Round}.");
        await services.Tokens.CloseAsync(TokenGroup.VoteRound(step.MotionId, input.Round));
        var tally = ballot.Tally(new BeiratRules { QuorumShare = input.QuorumShare });
        var (motion, catalog) = await services.LoadAsync(step);
        var beirat = catalog.Find(input.BeiratId)!;
        var closed = motion with
        {
            Beirat = motion.Beirat! with { Votes = tally.Votes, Outcome = tally.Outcome, MemberVotes = BeiratMail.MemberVotes(ballot) },
            Status = WorkflowSentences.BeiratStatus(beirat.Phrase, tally.Outcome),
            DueAt = null,
        };
        var votes = tally.Votes;
        await services.SaveAsync(step, motion, closed,
            services.Entry("beiratResult", WorkflowSentences.BeiratResult(beirat.Phrase, tally.Outcome, votes)));

        var next = closed.RequestedConsultations.Select(catalog.NameOf).FirstOrDefault() ?? catalog.Council.Name;
        var summary = WorkflowServices.Summary(closed, catalog);
        BeiratResultAnnounced Result(IReadOnlyList<Mailbox> to, MailLink link) => new()
        {
            To = to, Link = link, Motion = summary, BeiratName = beirat.Name, Outcome = tally.Outcome, Votes = votes, NextBody = next,
        };
        var statusLink = await services.StatusLinkAsync(closed);
        // Side by side: each notification has its own idempotency keys, so a rerun sends only what is missing.
        await Task.WhenAll(
            services.SendAsync(step, "members", Result(WorkflowServices.Members(beirat), MailLink.PublicMotion(step.MotionId))),
            services.SendAsync(step, "faction", Result(WorkflowServices.Faction(closed, catalog), statusLink)),
            services.SendAsync(step, "clerks", Result(WorkflowServices.Clerks(catalog), MailLink.ClerkMotion(step.MotionId))));
        return tally;
    }
}

internal static class BeiratMail
{
    /// <summary>
    /// A personal vote link per member, its ballot paper laid before any link goes out (a vote on it is then one
    /// request), and the mails side by side, as the mails of one notification (NotificationSender).
    /// </summary>
    public static async Task SendVoteLinksAsync(
        WorkflowServices services, BallotStore ballots, StepContext step, MotionRecord motion, OrganizationCatalog catalog,
        Organization beirat, IEnumerable<Member> members, int round, DateTimeOffset deadline, bool reminder)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = NotificationSender.MaxAtOnce };
        var links = new System.Collections.Concurrent.ConcurrentBag<(Member Member, string Link, string PaperId)>();
        await Parallel.ForEachAsync(members, options, async (member, cancellationToken) =>
        {
            var token = await services.Tokens.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote(motion.MotionId, member.Id, round), deadline,
                cancellationToken);
            var (link, paperId) = VoteLink.Create(token, new VoteRight(motion.MotionId, round, member.Id, deadline));
            links.Add((member, link, paperId));
        });
        await ballots.LayLinkPapersAsync(motion.MotionId, round, links.Select(l => (l.Member.Id, l.PaperId)));
        var summary = WorkflowServices.Summary(motion, catalog);
        await Parallel.ForEachAsync(links, options, async (issued, _) =>
        {
            var (member, to, link) = (issued.Member, new[] { new Mailbox(issued.Member.Email, issued.Member.Name) }, MailLink.Vote(issued.Link));
            Notification mail = reminder
                ? new VoteReminder
                {
                    To = to, Link = link, Motion = summary, BeiratName = beirat.Name, MemberName = member.Name, Deadline = deadline,
                    ResolutionText = motion.ResolutionText,
                }
                : new VoteRequested
                {
                    To = to, Link = link, Motion = summary, BeiratName = beirat.Name, MemberName = member.Name, Deadline = deadline,
                    ResolutionText = motion.ResolutionText,
                };
            await services.SendAsync(step, "vote-" + member.Id, mail);
        });
    }

    /// <summary>Each member's vote for the record: the clerks see comments, the vote page shows a member their own.</summary>
    public static IReadOnlyDictionary<string, MemberVote> MemberVotes(Ballot ballot) =>
        ballot.Votes.ToDictionary(v => v.MemberId, v => new MemberVote(v.Choice, v.At, v.Comment), StringComparer.Ordinal);
}
