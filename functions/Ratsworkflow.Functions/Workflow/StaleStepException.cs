namespace Ratsworkflow.Functions.Workflow;

/// <summary>A workflow step ran again after a later step had saved the motion (see <see cref="WorkflowServices.SaveAsync"/>).</summary>
public sealed class StaleStepException(string message) : InvalidOperationException(message);
