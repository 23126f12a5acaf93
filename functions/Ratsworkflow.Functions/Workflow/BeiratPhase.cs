using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Beirat;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Beirat's vote: personal links out, one reminder to those who have not voted, closed at the deadline or as soon
/// as the outcome is certain (<see cref="BeiratVote"/> decides), then the result to everyone.
/// </summary>
internal sealed class BeiratPhase(TaskOrchestrationContext context, MotionWorkflowInput input, RegisteredMotion motion, CommandInbox commands)
{
    private const int Round = 1;

    public async Task<PhaseEnd> RunAsync()
    {
        var beiratId = motion.BeiratId!;
        var rules = new BeiratRules { QuorumShare = input.Settings.QuorumShare };
        var deadline = context.CurrentUtcDateTime + input.Settings.BeiratDeadline;
        var reminderAt = deadline - input.Settings.ReminderBefore;
        await context.CallActivityAsync(Activities.StartBeiratVote, new StartBeiratVoteInput(motion.MotionId, beiratId, Round, deadline), Activities.Retry);

        using var timers = new CancellationTokenSource();
        var closing = context.CreateTimer(deadline, timers.Token);
        Task? reminder = reminderAt > context.CurrentUtcDateTime ? context.CreateTimer(reminderAt, timers.Token) : null;
        IReadOnlyDictionary<string, VoteChoice> votes = new Dictionary<string, VoteChoice>();
        while (true)
        {
            var first = await Task.WhenAny(reminder is null ? [commands.Next, closing] : [commands.Next, closing, reminder]);
            if (first == closing)
            {
                break;
            }
            if (first == reminder)
            {
                reminder = null;
                var missing = motion.VotingMemberIds.Where(id => !votes.ContainsKey(id)).ToList();
                await context.CallActivityAsync(Activities.SendVoteReminders, new SendVoteRemindersInput(motion.MotionId, beiratId, Round, deadline, missing), Activities.Retry);
                continue;
            }
            var command = commands.Take();
            if (command.Type == MotionCommandType.Withdraw)
            {
                DurableTimers.Cancel(timers);
                await Withdrawal.RunAsync(context, motion.MotionId, command);
                return PhaseEnd.Withdrawn;
            }
            if (command.Type != MotionCommandType.Vote)
            {
                await Withdrawal.RefuseAsync(context, motion.MotionId, command, "Der Antrag ist noch in der Beratung des Beirats; das ist erst danach möglich.");
                continue;
            }
            var cast = command.Round == Round && command.Choice is { } choice
                ? BeiratVote.Cast(votes, motion.VotingMemberIds, command.MemberId ?? "", choice, rules, deadlinePassed: false)
                : null;
            var refusal = cast is null ? "Dieser Abstimmungslink gehört nicht zur laufenden Abstimmung." : cast.Reason;
            await context.CallActivityAsync(Activities.RecordVote, new RecordVoteInput(
                motion.MotionId, command.CommandId, Round, command.MemberId, command.Choice,
                (cast?.Tally ?? BeiratVote.Tally(votes, motion.VotingMemberIds.Count, rules, false)).Votes,
                cast is { IsAccepted: true } ? null : refusal,
                cast?.Replaced is not null,
                command.Comment), Activities.Retry);
            if (cast is { IsAccepted: true })
            {
                votes = cast.Votes;
                if (cast.Tally.IsClosed)
                {
                    break;
                }
            }
        }
        DurableTimers.Cancel(timers);
        var tally = BeiratVote.Tally(votes, motion.VotingMemberIds.Count, rules, deadlinePassed: true);
        await context.CallActivityAsync(Activities.CloseBeiratVote, new CloseBeiratVoteInput(motion.MotionId, beiratId, Round, tally.Votes, tally.Outcome, tally.HasQuorum), Activities.Retry);
        return PhaseEnd.Done;
    }
}
