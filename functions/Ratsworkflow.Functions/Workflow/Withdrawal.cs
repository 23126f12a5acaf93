using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

internal static class Withdrawal
{
    /// <summary>The faction may withdraw at any stage before the council's decision; every phase ends the same way.</summary>
    public static Task RunAsync(TaskOrchestrationContext context, string motionId, MotionCommand command) =>
        context.CallActivityAsync(Activities.WithdrawMotion, new WithdrawMotionInput(motionId, command.CommandId, command.Actor), Activities.Retry);

    /// <summary>Answers a command that does not fit the current phase with a 409 and a German reason.</summary>
    public static Task RefuseAsync(TaskOrchestrationContext context, string motionId, MotionCommand command, string detail) =>
        context.CallActivityAsync(Activities.AcknowledgeCommand, new AcknowledgeInput(motionId, command.CommandId, 409, detail), Activities.Retry);
}
