namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// The Wiedervorlage after a decision ("evaluate every two years"): when due, clerks and faction are reminded, and
/// again each period, until a clerk ends it. It runs in a fresh execution (continued as new after the decision), so
/// its history is a few events per period however long it repeats.
/// </summary>
internal sealed class FollowUpPhase(MotionWorkflow workflow)
{
    public async Task<string> RunAsync(FollowUp followUp)
    {
        var context = workflow.Context;
        var commands = workflow.Commands;
        using var timers = new CancellationTokenSource();
        var count = followUp.Count;
        var due = new DurableTimer(context, followUp.DueAt, timers.Token);
        while (true)
        {
            var first = await Task.WhenAny(commands.Next, due.Fired);
            if (first == due.Fired)
            {
                if (due.IsDue())
                {
                    count++;
                    await workflow.RunAsync(WorkflowSteps.SendFollowUp, new FollowUpInput(count, followUp.Interval));
                    due = new DurableTimer(context, due.FireAt + followUp.Interval, timers.Token);
                }
                continue;
            }
            var command = commands.Take();
            if (command is EndFollowUp)
            {
                DurableTimer.Cancel(timers);
                await workflow.RunAsync(WorkflowSteps.EndFollowUp, new CommandInput(command.CommandId, command.Actor));
                await workflow.RefuseArrivedAsync("Die Wiedervorlage ist beendet; die Anfrage ist nicht mehr möglich.");
                return "follow-up ended";
            }
            await workflow.RefuseAsync(command, "Der Antrag ist beschlossen; nur die Wiedervorlage kann noch beendet werden.");
        }
    }
}
