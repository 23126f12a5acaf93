namespace Ratsworkflow.Durable;

/// <summary>The engine's two queues: control (wake an instance) and work items (run an activity).</summary>
public enum QueueKind
{
    Control,
    WorkItems,
}
