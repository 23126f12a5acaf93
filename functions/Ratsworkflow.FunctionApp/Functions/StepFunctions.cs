using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using Ratsworkflow.FunctionApp.Hosting;
using Ratsworkflow.Functions.Beirat;
using Ratsworkflow.Functions.Workflow;
using Ratsworkflow.Functions.Workflow.Steps;
using Steps = Ratsworkflow.Functions.Workflow.Steps;

namespace Ratsworkflow.FunctionApp.Functions;

/// <summary>
/// One activity function per step of <see cref="WorkflowSteps.All"/>, named like the step, each running the step class
/// of the local server with the embedded app's services. The Worker SDK finds functions by attribute at build time, so
/// each step needs its own method, named like the step; tests check names and types against <see cref="WorkflowSteps.All"/>.
/// </summary>
/// <remarks>
/// <c>instanceId</c> comes from the activity trigger's binding data: the orchestration's instance id, i.e. the motion id.
/// </remarks>
public sealed class StepFunctions(EmbeddedApp app)
{
    [Function(nameof(Steps.RegisterMotion))]
    public Task<RegisteredMotion> RegisterMotion([ActivityTrigger] StepInput<RegisterMotionInput> input, string instanceId) =>
        RunAsync<RegisterMotionInput, RegisteredMotion>(instanceId, input);

    [Function(nameof(Steps.StartBeiratVote))]
    public Task<bool> StartBeiratVote([ActivityTrigger] StepInput<StartBeiratVoteInput> input, string instanceId) =>
        RunAsync<StartBeiratVoteInput, bool>(instanceId, input);

    [Function(nameof(Steps.CountVotes))]
    public Task<BeiratTally> CountVotes([ActivityTrigger] StepInput<CountVotesInput> input, string instanceId) =>
        RunAsync<CountVotesInput, BeiratTally>(instanceId, input);

    [Function(nameof(Steps.SendVoteReminders))]
    public Task<int> SendVoteReminders([ActivityTrigger] StepInput<SendVoteRemindersInput> input, string instanceId) =>
        RunAsync<SendVoteRemindersInput, int>(instanceId, input);

    [Function(nameof(Steps.CloseBeiratVote))]
    public Task<BeiratTally> CloseBeiratVote([ActivityTrigger] StepInput<CloseBeiratVoteInput> input, string instanceId) =>
        RunAsync<CloseBeiratVoteInput, BeiratTally>(instanceId, input);

    [Function(nameof(Steps.BeginConsultation))]
    public Task<bool> BeginConsultation([ActivityTrigger] StepInput<BeginConsultationInput> input, string instanceId) =>
        RunAsync<BeginConsultationInput, bool>(instanceId, input);

    [Function(nameof(Steps.ApplyConsultationCommand))]
    public Task<ConsultationApplied> ApplyConsultationCommand([ActivityTrigger] StepInput<ApplyConsultationInput> input, string instanceId) =>
        RunAsync<ApplyConsultationInput, ConsultationApplied>(instanceId, input);

    [Function(nameof(Steps.AlertOverdue))]
    public Task<bool> AlertOverdue([ActivityTrigger] StepInput<AlertOverdueInput> input, string instanceId) =>
        RunAsync<AlertOverdueInput, bool>(instanceId, input);

    [Function(nameof(Steps.WithdrawMotion))]
    public Task<bool> WithdrawMotion([ActivityTrigger] StepInput<CommandInput> input, string instanceId) =>
        RunAsync<CommandInput, bool>(instanceId, input);

    [Function(nameof(Steps.RefuseCommand))]
    public Task<bool> RefuseCommand([ActivityTrigger] StepInput<RefusalInput> input, string instanceId) =>
        RunAsync<RefusalInput, bool>(instanceId, input);

    [Function(nameof(Steps.SendFollowUp))]
    public Task<bool> SendFollowUp([ActivityTrigger] StepInput<FollowUpInput> input, string instanceId) =>
        RunAsync<FollowUpInput, bool>(instanceId, input);

    [Function(nameof(Steps.EndFollowUp))]
    public Task<bool> EndFollowUp([ActivityTrigger] StepInput<CommandInput> input, string instanceId) =>
        RunAsync<CommandInput, bool>(instanceId, input);

    [Function(nameof(Steps.MarkFailed))]
    public Task<bool> MarkFailed([ActivityTrigger] StepInput<MarkFailedInput> input, string instanceId) =>
        RunAsync<MarkFailedInput, bool>(instanceId, input);

    [Function(nameof(Steps.ResumeFailedStep))]
    public Task<bool> ResumeFailedStep([ActivityTrigger] StepInput<CommandInput> input, string instanceId) =>
        RunAsync<CommandInput, bool>(instanceId, input);

    /// <param name="function">The calling method, named like its function and step: one name, so they cannot drift apart.</param>
    private async Task<TOutput> RunAsync<TInput, TOutput>(string instanceId, StepInput<TInput> input, [CallerMemberName] string function = "")
    {
        var step = WorkflowSteps.All.Single(s => s.Name == function);
        // Created like the local engine worker creates it: from the app's services, the step's own dependencies injected.
        var services = await app.GetServicesAsync();
        var activity = (MotionStep<TInput, TOutput>)ActivatorUtilities.GetServiceOrCreateInstance(services, step.ActivityType);
        return await activity.RunStepAsync(instanceId, input);
    }
}
