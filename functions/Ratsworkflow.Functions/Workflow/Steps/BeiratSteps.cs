using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Email;
using Ratsworkflow.Functions.Motions;
using Ratsworkflow.Functions.Organizations;
using Ratsworkflow.Functions.Tokens;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>Sends each voting member a personal vote link, bound to this motion and round, valid until the deadline.</summary>
public sealed class StartBeiratVote(WorkflowServices services) : TaskActivity<StartBeiratVoteInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, StartBeiratVoteInput input)
    {
        var (motion, catalog) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        var beirat = catalog.Find(input.BeiratId)!;
        var deadline = new DateTimeOffset(input.Deadline, TimeSpan.Zero);
        var reviewing = motion with
        {
            Stage = MotionStage.BeiratReview,
            Status = $"Abstimmung im {beirat.Name} läuft",
            WaitingFor = beirat.Name,
            DueAt = deadline,
            Beirat = new BeiratSummary(beirat.Id, input.Round, deadline, VoteCount.None, beirat.VotingMemberCount, BeiratOutcome.Pending),
        };
        await services.SaveAsync(context, motion, reviewing, services.Entry("beiratStarted", $"Abstimmung im {beirat.Name} bis {deadline:dd.MM.yyyy} begonnen."));
        await BeiratMail.SendVoteLinksAsync(services, context, reviewing, catalog, beirat, beirat.VotingMembers, input.Round, deadline, reminder: false);
        return true;
    }
}

/// <summary>One reminder to the members who have not voted yet, with a fresh personal link.</summary>
public sealed class SendVoteReminders(WorkflowServices services) : TaskActivity<SendVoteRemindersInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, SendVoteRemindersInput input)
    {
        if (services.Now >= new DateTimeOffset(input.Deadline, TimeSpan.Zero))
        {
            // Processed only after the deadline (e.g. after an outage): the vote is closing, a reminder would be wrong.
            return false;
        }
        var (motion, catalog) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        var beirat = catalog.Find(input.BeiratId)!;
        var missing = beirat.VotingMembers.Where(m => input.MemberIds.Contains(m.Id)).ToList();
        var reminded = motion with { Beirat = motion.Beirat! with { ReminderSent = true } };
        await BeiratMail.SendVoteLinksAsync(services, context, reminded, catalog, beirat, missing, input.Round, new DateTimeOffset(input.Deadline, TimeSpan.Zero), reminder: true);
        await services.SaveAsync(context, motion, reminded, services.Entry("beiratReminder", $"Erinnerung an {missing.Count} Mitglied(er) ohne Stimme gesendet."));
        return true;
    }
}

/// <summary>Counts (or refuses) one member's vote on the motion's record and answers the waiting vote request.</summary>
public sealed class RecordVote(WorkflowServices services) : TaskActivity<RecordVoteInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, RecordVoteInput input)
    {
        var (motion, _) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        if (input.Refusal is { } refusal)
        {
            await services.SaveAsync(context, motion, motion.WithAck(CommandAck.Conflict(input.CommandId, refusal)));
            return false;
        }
        var counted = motion.WithAck(CommandAck.Ok(input.CommandId, input.Replaced ? "Ihre Stimme ersetzt Ihre frühere Stimme." : "Ihre Stimme wurde gezählt.")) with
        {
            Beirat = motion.Beirat! with { Votes = input.Votes, MemberVotes = WithVote(motion.Beirat.MemberVotes, input.MemberId, input.Choice, input.Comment) },
        };
        await services.SaveAsync(context, motion, counted,
            services.Entry("vote", $"Stimme eingegangen ({input.Votes.Total} von {motion.Beirat!.VotingMembers})."));
        return true;
    }

    /// <summary>A later vote replaces the earlier one, its comment included (an empty comment removes the old one).</summary>
    private IReadOnlyDictionary<string, MemberVote>? WithVote(IReadOnlyDictionary<string, MemberVote>? votes, string? memberId, VoteChoice? choice, string? comment) =>
        memberId is null || choice is not { } chosen
            ? votes
            : new Dictionary<string, MemberVote>(votes ?? new Dictionary<string, MemberVote>(), StringComparer.Ordinal)
            {
                [memberId] = new MemberVote(chosen, services.Now, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()),
            };
}

/// <summary>Closes the vote: links stop working, the result is recorded and sent to members, faction and clerks.</summary>
public sealed class CloseBeiratVote(WorkflowServices services) : TaskActivity<CloseBeiratVoteInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CloseBeiratVoteInput input)
    {
        await services.Tokens.CloseAsync(TokenGroup.VoteRound(input.MotionId, input.Round), context.CancellationToken);
        var (motion, catalog) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        var beirat = catalog.Find(input.BeiratId)!;
        var closed = motion with
        {
            Beirat = motion.Beirat! with { Votes = input.Votes, Outcome = input.Outcome },
            Status = $"{beirat.Name}: {BeiratTexts.DisplayName(input.Outcome)}",
            DueAt = null,
        };
        var text = $"{beirat.Name}: {BeiratTexts.DisplayName(input.Outcome)} (Ja {input.Votes.Yes}, Nein {input.Votes.No}, Enthaltung {input.Votes.Abstain}).";
        await services.SaveAsync(context, motion, closed, services.Entry("beiratResult", text));

        var next = closed.RequestedConsultations.Select(catalog.NameOf).FirstOrDefault() ?? catalog.Council.Name;
        var summary = WorkflowServices.Summary(closed, catalog);
        BeiratResultAnnounced Result(IReadOnlyList<Mailbox> to, MailLink link) => new()
        {
            To = to, Link = link, Motion = summary, BeiratName = beirat.Name, Outcome = input.Outcome, Votes = input.Votes, NextBody = next,
        };
        await services.SendAsync(context, "members", Result(WorkflowServices.Members(beirat), MailLink.PublicMotion(input.MotionId)));
        await services.SendAsync(context, "faction", Result(WorkflowServices.Faction(closed, catalog), await services.StatusLinkAsync(closed, context.CancellationToken)));
        await services.SendAsync(context, "clerks", Result(WorkflowServices.Clerks(catalog), MailLink.ClerkMotion(input.MotionId)));
        return true;
    }
}

internal static class BeiratMail
{
    public static async Task SendVoteLinksAsync(
        WorkflowServices services, TaskActivityContext context, MotionRecord motion, OrganizationCatalog catalog,
        Organization beirat, IEnumerable<Member> members, int round, DateTimeOffset deadline, bool reminder)
    {
        var summary = WorkflowServices.Summary(motion, catalog);
        foreach (var member in members)
        {
            var token = await services.Tokens.IssueAsync(TokenPurpose.Vote, TokenSubject.Vote(motion.MotionId, member.Id, round), deadline, context.CancellationToken);
            var to = new[] { new Mailbox(member.Email, member.Name) };
            var link = MailLink.Vote(token);
            Notification mail = reminder
                ? new VoteReminder { To = to, Link = link, Motion = summary, BeiratName = beirat.Name, MemberName = member.Name, Deadline = deadline, ResolutionText = motion.ResolutionText }
                : new VoteRequested { To = to, Link = link, Motion = summary, BeiratName = beirat.Name, MemberName = member.Name, Deadline = deadline, ResolutionText = motion.ResolutionText };
            await services.SendAsync(context, "vote-" + member.Id, mail);
        }
    }
}
