using Microsoft.DurableTask;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Functions.Workflow;

/// <summary>
/// One run of a motion's orchestration: numbers its steps (so a late rerun of an earlier step cannot overwrite a later
/// one's record), retries a failing step durably, and when every attempt failed shows the motion as „Fehler“ and waits
/// for a clerk's retry — the usual Durable pattern, without touching the stored history.
/// </summary>
public sealed class MotionWorkflow
{
    /// <summary>Marking the failure must outlast the failure itself (storage or mail down for hours).</summary>
    private static readonly TaskOptions MarkingRetry =
        TaskOptions.FromRetryPolicy(new RetryPolicy(20, TimeSpan.FromSeconds(10), 2, TimeSpan.FromHours(1)));

    private readonly TaskOrchestrationContext _context;
    private readonly TaskOptions _retry;
    private readonly string _execution;
    private int _sequence;

    public MotionWorkflow(TaskOrchestrationContext context, MotionWorkflowInput input)
    {
        _context = context;
        Input = input;
        _retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
            Math.Max(1, input.Settings.StepAttempts), input.Settings.StepFirstRetry, backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromHours(1)));
        // Deterministic: the same on every replay of this execution, new after a continue-as-new.
        _execution = context.NewGuid().ToString("N")[..12];
        Commands = new CommandInbox(context);
    }

    public TaskOrchestrationContext Context => _context;
    public MotionWorkflowInput Input { get; }
    public string MotionId => Input.MotionId;
    public CommandInbox Commands { get; }

    public async Task<TOutput> RunAsync<TInput, TOutput>(StepCall<TInput, TOutput> step, TInput input)
    {
        var id = Next();
        // Bounded by people: each round waits for a clerk's retry, and a motion fails a handful of times at most.
#pragma warning disable DURABLE0011
        while (true)
        {
            try
            {
                return await _context.CallActivityAsync<TOutput>(step.Name, new StepInput<TInput>(id, input), _retry);
            }
            catch (TaskFailedException failure)
            {
                await WaitForRetryAsync(step.Name, failure.FailureDetails.ErrorMessage);
            }
        }
#pragma warning restore DURABLE0011
    }

    /// <summary>Answers a command that does not fit where the motion stands: a conflict, with a German reason.</summary>
    public Task RefuseAsync(MotionCommand command, string detail) =>
        RunAsync(WorkflowSteps.RefuseCommand, new RefusalInput(command.CommandId, OutcomeKind.Conflict, command is RetryFailedStep
            ? "Dieser Antrag hat keinen fehlgeschlagenen Schritt, der wiederholt werden kann."
            : detail));

    /// <summary>Answers the commands that arrived but will never be read: the run ends or continues as new.</summary>
    public async Task RefuseArrivedAsync(string detail)
    {
        foreach (var command in Commands.TakeArrived())
        {
            await RefuseAsync(command, detail);
        }
    }

    private async Task WaitForRetryAsync(string step, string reason)
    {
        await _context.CallActivityAsync<bool>(WorkflowSteps.MarkFailed.Name,
            new StepInput<MarkFailedInput>(Next(), new MarkFailedInput(step, reason)), MarkingRetry);
        // Bounded by people: each turn answers one command a clerk or faction sent while the step is failed.
#pragma warning disable DURABLE0011
        while (true)
        {
            await Commands.Next;
            var command = Commands.Take();
            if (command is RetryFailedStep)
            {
                await _context.CallActivityAsync<bool>(WorkflowSteps.ResumeFailedStep.Name,
                    new StepInput<CommandInput>(Next(), new CommandInput(command.CommandId, command.Actor)), MarkingRetry);
                return;
            }
            await _context.CallActivityAsync<bool>(WorkflowSteps.RefuseCommand.Name, new StepInput<RefusalInput>(Next(),
                new RefusalInput(command.CommandId, OutcomeKind.Conflict,
                    "Ein Schritt dieses Antrags ist fehlgeschlagen; das Ratsbüro muss ihn zuerst wiederholen.")), MarkingRetry);
        }
#pragma warning restore DURABLE0011
    }

    private WorkflowStep Next() => new(_execution, ++_sequence);
}

public enum PhaseEnd
{
    Done,
    Withdrawn,
}
