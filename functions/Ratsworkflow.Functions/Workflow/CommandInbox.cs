using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// One outstanding wait for the next command, kept across timer wake-ups, so no wait is ever cancelled and no
/// command can be lost between two waits.
/// </summary>
public sealed class CommandInbox(TaskOrchestrationContext context)
{
    private Task<MotionCommand>? _next;

    public Task<MotionCommand> Next => _next ??= context.WaitForExternalEvent<MotionCommand>(MotionCommand.EventName);

    /// <summary>
    /// Answers a command that arrived while the orchestrator was busy and is about to end or continue as new: a
    /// completed wait is not carried over, so without this its caller would wait in vain.
    /// </summary>
    public async Task RefuseLeftoverAsync(string motionId, string detail)
    {
        if (_next is { IsCompleted: true })
        {
            await Withdrawal.RefuseAsync(context, motionId, Take(), detail);
        }
    }

    /// <summary>The command that <see cref="Next"/> delivered; the following wait starts fresh.</summary>
    public MotionCommand Take()
    {
        var command = (_next ?? throw new InvalidOperationException("No command was awaited.")).Result;
        _next = null;
        return command;
    }
}
