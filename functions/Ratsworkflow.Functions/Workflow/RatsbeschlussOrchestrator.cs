using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// A motion from registration to the council's decision (DESIGN.md §1): registration, the optional Beirat review,
/// the Beratungsfolge and the optional Wiedervorlage. Each phase is its own class; this one only orders them.
/// </summary>
public sealed class RatsbeschlussOrchestrator : TaskOrchestrator<MotionWorkflowInput, string>
{
    public const string Name = "Ratsbeschluss";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, MotionWorkflowInput input)
    {
        var commands = new CommandInbox(context);
        if (input.FollowUp is { } followUp)
        {
            return await new FollowUpPhase(context, input, commands).RunAsync(followUp);
        }

        var motion = await context.CallActivityAsync<RegisteredMotion>(Activities.RegisterMotion, input.MotionId, Activities.Retry);
        var consultation = new ConsultationPhase(context, input, motion, commands);
        if ((motion.BeiratId is not null && await new BeiratPhase(context, input, motion, commands).RunAsync() == PhaseEnd.Withdrawn)
            || await consultation.RunAsync() == PhaseEnd.Withdrawn)
        {
            await commands.RefuseLeftoverAsync(input.MotionId, "Der Antrag ist zurückgezogen; die Anfrage ist nicht mehr möglich.");
            return "withdrawn";
        }
        await commands.RefuseLeftoverAsync(input.MotionId, "Der Rat hat bereits beschlossen; die Anfrage ist nicht mehr möglich.");
        if (consultation.FollowUp is { } wiedervorlage)
        {
            context.ContinueAsNew(input with { FollowUp = wiedervorlage });
        }
        return "decided";
    }
}

public enum PhaseEnd
{
    Done,
    Withdrawn,
}
