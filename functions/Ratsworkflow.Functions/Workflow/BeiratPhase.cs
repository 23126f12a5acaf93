using Ratsworkflow.Functions.Beirat;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Beirat's vote: personal links out, one reminder to those who have not voted, closed at the deadline or as soon
/// as the outcome is certain (<see cref="BeiratVote"/> decides). Votes are stored by the requests that cast them
/// (<see cref="BallotStore"/>); each <see cref="VoteArrived"/> only makes this phase count again, however many arrived.
/// </summary>
internal sealed class BeiratPhase(MotionWorkflow workflow, RegisteredMotion motion)
{
    private const int Round = 1;

    public async Task<PhaseEnd> RunAsync()
    {
        var context = workflow.Context;
        var settings = workflow.Input.Settings;
        var beiratId = motion.BeiratId!;
        var deadline = context.CurrentUtcDateTime + settings.BeiratDeadline;
        var reminderAt = deadline - settings.ReminderBefore;
        await workflow.RunAsync(WorkflowSteps.StartBeiratVote, new StartBeiratVoteInput(beiratId, Round, deadline, motion.VotingMemberIds));

        using var timers = new CancellationTokenSource();
        var closing = new DurableTimer(context, deadline, timers.Token);
        var reminder = reminderAt > context.CurrentUtcDateTime ? new DurableTimer(context, reminderAt, timers.Token) : null;
        var votes = new EventInbox<VoteArrived>(context, VoteArrived.EventName);
        var commands = workflow.Commands;
        while (true)
        {
            var first = await Task.WhenAny(reminder is null
                ? [commands.Next, votes.Next, closing.Fired]
                : [commands.Next, votes.Next, closing.Fired, reminder.Fired]);
            if (first == closing.Fired)
            {
                if (closing.IsDue())
                {
                    break;
                }
            }
            else if (first == reminder?.Fired)
            {
                if (reminder.IsDue())
                {
                    reminder = null;
                    await workflow.RunAsync(WorkflowSteps.SendVoteReminders, new SendVoteRemindersInput(beiratId, Round, deadline));
                }
            }
            else if (first == votes.Next)
            {
                votes.TakeArrived();
                var tally = await workflow.RunAsync(WorkflowSteps.CountVotes, new CountVotesInput(Round, settings.QuorumShare));
                if (tally.IsClosed)
                {
                    break;
                }
            }
            else
            {
                var command = commands.Take();
                if (command is WithdrawMotion)
                {
                    DurableTimer.Cancel(timers);
                    await workflow.RunAsync(WorkflowSteps.WithdrawMotion, new CommandInput(command.CommandId, command.Actor));
                    return PhaseEnd.Withdrawn;
                }
                await workflow.RefuseAsync(command, "Der Antrag ist noch in der Beratung des Beirats; das ist erst danach möglich.");
            }
        }
        DurableTimer.Cancel(timers);
        await workflow.RunAsync(WorkflowSteps.CloseBeiratVote, new CloseBeiratVoteInput(beiratId, Round, settings.QuorumShare));
        // Votes announced after the close were refused by the ballot; their announcements need no answer.
        votes.TakeArrived();
        return PhaseEnd.Done;
    }
}
