using Ratsworkflow.Durable;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow.Steps;

/// <summary>Answers a command that was refused, so the waiting API call can say why.</summary>
public sealed class AcknowledgeCommand(WorkflowServices services) : TaskActivity<AcknowledgeInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, AcknowledgeInput input)
    {
        var (motion, _) = await services.LoadAsync(input.MotionId, context.CancellationToken);
        await services.SaveAsync(context, motion, motion.WithAck(new CommandAck(input.CommandId, input.Status, input.Detail)));
        return true;
    }
}
