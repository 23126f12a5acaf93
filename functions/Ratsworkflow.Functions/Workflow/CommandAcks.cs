using System.Collections.Concurrent;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// Hands a command's answer from the activity that records it to the API call waiting for it, when both run in this
/// process: the call then needs no polling of the motion. Across processes the waiter still polls storage
/// (<see cref="WorkflowOptions.CommandAckPoll"/>), so this only ever shortens a wait.
/// </summary>
public sealed class CommandAcks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<MotionRecord>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Registers before the command is sent, so an answer that comes back at once is not missed.</summary>
    public Waiter Wait(string commandId)
    {
        // Continuations run off the saving activity's thread: the API call's work must not delay the workflow.
        var answer = new TaskCompletionSource<MotionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[commandId] = answer;
        return new Waiter(this, commandId, answer.Task);
    }

    /// <summary>Called once <paramref name="saved"/> is stored: wakes the callers whose acknowledgement it holds.</summary>
    public void Publish(MotionRecord saved)
    {
        if (_waiting.IsEmpty)
        {
            return;
        }
        foreach (var ack in saved.Acks)
        {
            if (_waiting.TryRemove(ack.CommandId, out var answer))
            {
                answer.TrySetResult(saved);
            }
        }
    }

    public sealed class Waiter(CommandAcks owner, string commandId, Task<MotionRecord> answer) : IDisposable
    {
        /// <summary>The stored motion with the acknowledgement; completes only in the process that ran the activity.</summary>
        public Task<MotionRecord> Answer => answer;

        public void Dispose() => owner._waiting.TryRemove(commandId, out _);
    }
}
