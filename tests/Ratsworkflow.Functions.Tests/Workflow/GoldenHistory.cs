using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Newtonsoft.Json.Linq;
using Ratsworkflow.Functions.Durable;

namespace Ratsworkflow.Functions.Tests.Workflow;

/// <summary>
/// A history as the Azure Storage provider returns it (its JSON, one object per event), replayed against an
/// orchestrator by the Durable Task framework's own executor: exactly what a worker does with a motion in flight.
/// </summary>
internal static class GoldenHistory
{
    private static readonly Dictionary<EventType, Type> Types = new()
    {
        [EventType.ExecutionStarted] = typeof(ExecutionStartedEvent),
        [EventType.ExecutionCompleted] = typeof(ExecutionCompletedEvent),
        [EventType.ExecutionTerminated] = typeof(ExecutionTerminatedEvent),
        [EventType.TaskScheduled] = typeof(TaskScheduledEvent),
        [EventType.TaskCompleted] = typeof(TaskCompletedEvent),
        [EventType.TaskFailed] = typeof(TaskFailedEvent),
        [EventType.TimerCreated] = typeof(TimerCreatedEvent),
        [EventType.TimerFired] = typeof(TimerFiredEvent),
        [EventType.EventRaised] = typeof(EventRaisedEvent),
        [EventType.EventSent] = typeof(EventSentEvent),
        [EventType.ContinueAsNew] = typeof(ContinueAsNewEvent),
        [EventType.OrchestratorStarted] = typeof(OrchestratorStartedEvent),
        [EventType.OrchestratorCompleted] = typeof(OrchestratorCompletedEvent),
        [EventType.GenericEvent] = typeof(GenericEvent),
    };

    public static IList<HistoryEvent> Parse(string json) =>
        JArray.Parse(json).Select(e => (HistoryEvent)e.ToObject(Types[(EventType)e.Value<int>("EventType")])!).ToList();

    /// <summary>What the orchestrator decides when it replays <paramref name="history"/>: its next actions, or its end.</summary>
    public static IReadOnlyList<OrchestratorAction> Replay(DurableTask.Core.TaskOrchestration orchestration, IList<HistoryEvent> history)
    {
        var executor = new TaskOrchestrationExecutor(new OrchestrationRuntimeState(history), orchestration,
            BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);
        return executor.Execute().Actions.ToList();
    }

    /// <summary>The app's orchestrator the way the worker creates it (<see cref="EngineWorker"/>).</summary>
    public static DurableTask.Core.TaskOrchestration Orchestrator() =>
        new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = new JsonDataConverter(DurableRegistration.JsonOptions) })
            .CreateOrchestration(Functions.Workflow.RatsbeschlussOrchestrator.Name, new Functions.Workflow.RatsbeschlussOrchestrator());
}
