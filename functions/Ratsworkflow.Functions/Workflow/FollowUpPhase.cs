using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Wiedervorlage after a decision ("evaluate every two years"): when due, clerks and faction are reminded, and
/// again each period, until a clerk ends it. It runs in a fresh execution (continued as new after the decision), so
/// its history is a few events per period however long it repeats.
/// </summary>
internal sealed class FollowUpPhase(TaskOrchestrationContext context, MotionWorkflowInput input, CommandInbox commands)
{
    public async Task<string> RunAsync(FollowUp followUp)
    {
        using var timers = new CancellationTokenSource();
        var dueAt = followUp.DueAt;
        var count = followUp.Count;
        var due = context.CreateTimer(dueAt, timers.Token);
        while (true)
        {
            var first = await Task.WhenAny(commands.Next, due);
            if (first == due)
            {
                count++;
                await context.CallActivityAsync(Activities.SendFollowUp, new FollowUpInput(input.MotionId, count, followUp.Interval), Activities.Retry);
                dueAt += followUp.Interval;
                due = context.CreateTimer(dueAt, timers.Token);
                continue;
            }
            var command = commands.Take();
            if (command.Type == MotionCommandType.EndFollowUp)
            {
                DurableTimers.Cancel(timers);
                await context.CallActivityAsync(Activities.EndFollowUp, new FollowUpInput(input.MotionId, count, followUp.Interval, command.CommandId), Activities.Retry);
                return "follow-up ended";
            }
            await Withdrawal.RefuseAsync(context, input.MotionId, command, "Der Antrag ist beschlossen; nur die Wiedervorlage kann noch beendet werden.");
        }
    }
}
