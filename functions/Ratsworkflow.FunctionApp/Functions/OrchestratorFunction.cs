using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.FunctionApp.Functions;

/// <summary>A motion's orchestration: the local server's orchestrator class, under the name the app schedules it by.</summary>
public static class OrchestratorFunction
{
    /// <param name="input">The orchestration's input: the extension binds it to the first parameter without a binding.</param>
    [Function(RatsbeschlussOrchestrator.Name)]
    public static Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, MotionWorkflowInput input) =>
        new RatsbeschlussOrchestrator().RunAsync(context, input);
}
