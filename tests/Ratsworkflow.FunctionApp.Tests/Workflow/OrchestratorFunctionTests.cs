using Microsoft.DurableTask;
using Ratsworkflow.FunctionApp.Functions;
using Ratsworkflow.Functions.Tests.Workflow.Orchestration;
using Ratsworkflow.Functions.Workflow;

namespace Ratsworkflow.FunctionApp.Tests.Workflow;

/// <summary>The orchestrator function on the fake engine of the app's own orchestrator tests: it is the app's orchestrator.</summary>
public sealed class OrchestratorFunctionTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly MotionWorkflowInput Input = new("m-function",
        new WorkflowSettings(TimeSpan.FromDays(14), TimeSpan.FromDays(3), TimeSpan.FromDays(2), 0.5m, "Europe/Berlin", 6, TimeSpan.FromSeconds(10)));

    [Fact]
    public void RunAsync_MotionWithdrawnDuringConsultation_RunsTheAppsStepsInOrderAndEndsWithdrawn()
    {
        var engine = new FakeOrchestration(Start)
            .On(WorkflowSteps.RegisterMotion, _ => new RegisteredMotion(Input.MotionId, "A/2026/0001", null, [], [], "rat", "Die Verwaltung wird beauftragt."));
        engine.Start(new AsFunction(), Input);

        engine.Raise(CommandEnvelope.EventName, CommandEnvelope.From(new WithdrawMotion("c1", "Fraktion")));

        Assert.Equal(
            [WorkflowSteps.RegisterMotion.Name, WorkflowSteps.BeginConsultation.Name, WorkflowSteps.WithdrawMotion.Name],
            engine.Calls.Select(c => c.Step));
        Assert.Equal("withdrawn", engine.Output);
    }

    [Fact]
    public void RunAsync_BeiratReview_WaitsForTheDeadlineTheSettingsGive()
    {
        var engine = new FakeOrchestration(Start)
            .On(WorkflowSteps.RegisterMotion, _ => new RegisteredMotion(Input.MotionId, "A/2026/0001", "integrationsrat", ["m1", "m2"], [], "rat", "Text"));
        engine.Start(new AsFunction(), Input);

        var opened = Assert.Single(engine.CallsOf(WorkflowSteps.StartBeiratVote));
        Assert.Equal(Start + Input.Settings.BeiratDeadline, opened.Deadline);
        Assert.Contains(Start + Input.Settings.BeiratDeadline, engine.PendingTimers);
        Assert.Null(engine.Output);
    }

    /// <summary>The fake engine runs an orchestrator class; this one is nothing but the function method.</summary>
    private sealed class AsFunction : TaskOrchestrator<MotionWorkflowInput, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, MotionWorkflowInput input) =>
            OrchestratorFunction.RunAsync(context, input);
    }
}
