using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>Every orchestrator and activity of the app, by name and version.</summary>
public static class WorkflowCatalog
{
    public static void Register(DurableTaskRegistry registry)
    {
    }
}
