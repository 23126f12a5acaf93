using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Wiedervorlage after a decision ("evaluate every two years"): when due, clerks and faction are reminded and the
/// instance continues as new, so its history stays short however often it repeats, until a clerk ends it.
/// </summary>
internal sealed class FollowUpPhase(TaskOrchestrationContext context, MotionWorkflowInput input, CommandInbox commands)
{
    public async Task<string> RunAsync(FollowUp followUp)
    {
        using var timers = new CancellationTokenSource();
        var due = context.CreateTimer(context.CurrentUtcDateTime + followUp.Interval, timers.Token);
        while (true)
        {
            var first = await Task.WhenAny(commands.Next, due);
            if (first == due)
            {
                var next = followUp with { Count = followUp.Count + 1 };
                await context.CallActivityAsync(Activities.SendFollowUp, new FollowUpInput(input.MotionId, next.Count, followUp.Interval), Activities.Retry);
                context.ContinueAsNew(input with { FollowUp = next });
                return "follow-up";
            }
            var command = commands.Take();
            if (command.Type == MotionCommandType.EndFollowUp)
            {
                DurableTimers.Cancel(timers);
                await context.CallActivityAsync(Activities.EndFollowUp, new FollowUpInput(input.MotionId, followUp.Count, followUp.Interval, command.CommandId), Activities.Retry);
                return "follow-up ended";
            }
            await Withdrawal.RefuseAsync(context, input.MotionId, command, "Der Antrag ist beschlossen; nur die Wiedervorlage kann noch beendet werden.");
        }
    }
}
