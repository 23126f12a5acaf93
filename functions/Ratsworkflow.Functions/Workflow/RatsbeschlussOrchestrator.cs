using Microsoft.DurableTask;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// A motion from registration to the council's decision (docs/process.md): registration, the optional Beirat review,
/// the Beratungsfolge and the optional Wiedervorlage. Each phase is its own class; this one only orders them.
/// </summary>
public sealed class RatsbeschlussOrchestrator : TaskOrchestrator<MotionWorkflowInput, string>
{
    public const string Name = "Ratsbeschluss";

    /// <summary>Bumped when a change would not replay the histories of motions in flight; both versions are then registered.</summary>
    public const string Version = "1";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, MotionWorkflowInput input)
    {
        var workflow = new MotionWorkflow(context, input);
        if (input.FollowUp is { } followUp)
        {
            return await new FollowUpPhase(workflow).RunAsync(followUp);
        }

        var motion = await workflow.RunAsync(WorkflowSteps.RegisterMotion, new RegisterMotionInput());
        var consultation = new ConsultationPhase(workflow, motion);
        if ((motion.BeiratId is not null && await new BeiratPhase(workflow, motion).RunAsync() == PhaseEnd.Withdrawn)
            || await consultation.RunAsync() == PhaseEnd.Withdrawn)
        {
            await workflow.RefuseArrivedAsync("Der Antrag ist zurückgezogen; die Anfrage ist nicht mehr möglich.");
            return "withdrawn";
        }
        if (consultation.FollowUp is { } wiedervorlage)
        {
            // Commands that arrived meanwhile go on to the Wiedervorlage, which answers them.
            context.ContinueAsNew(input with { FollowUp = wiedervorlage });
            return "decided";
        }
        await workflow.RefuseArrivedAsync("Der Rat hat bereits beschlossen; die Anfrage ist nicht mehr möglich.");
        return "decided";
    }
}
