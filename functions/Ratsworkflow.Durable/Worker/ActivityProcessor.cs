using Microsoft.Extensions.DependencyInjection;
using Ratsworkflow.Durable.Storage;

namespace Ratsworkflow.Durable.Worker;

/// <summary>
/// Runs one activity call and delivers its completion to the instance's inbox under a key derived from the task id,
/// so a second run of the same call cannot be applied twice.
/// </summary>
internal sealed class ActivityProcessor(
    TaskHubStorage storage,
    InstanceStore store,
    PayloadStore payloads,
    DurableTaskRegistry registry,
    IServiceProvider services,
    TimeProvider clock)
{
    public async Task ProcessAsync(WorkItemMessage message, CancellationToken cancellationToken)
    {
        var input = await payloads.UnpackAsync(message.Input);
        var completion = await RunAsync(message, input, cancellationToken);
        await store.PutInboxAsync(message.Id, RowKeys.Completion(message.ExecutionId, message.TaskId), message.ExecutionId, completion, cancellationToken);
        await storage.SendAsync(QueueKind.Control, new WakeUpMessage(message.Id).ToJson(), cancellationToken);
    }

    private async Task<HistoryEvent> RunAsync(WorkItemMessage message, string? input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var type = registry.FindActivity(message.Name);
        if (type is null)
        {
            return Failed(message, now, new TaskFailureDetails("ActivityNotFound", $"No activity '{message.Name}' is registered."));
        }
        await using var scope = services.CreateAsyncScope();
        var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
        var context = new TaskActivityContext(message.Name, message.Id, message.ExecutionId, message.TaskId, cancellationToken);
        try
        {
            var result = await activity.RunAsync(context, DataConverter.Deserialize(input, activity.InputType));
            return new HistoryEvent
            {
                Type = HistoryEventType.TaskCompleted,
                Timestamp = now,
                TaskId = message.TaskId,
                Name = message.Name,
                Data = DataConverter.Serialize(result),
            };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(message, now, TaskFailureDetails.FromException(ex));
        }
    }

    private static HistoryEvent Failed(WorkItemMessage message, DateTime now, TaskFailureDetails failure) => new()
    {
        Type = HistoryEventType.TaskFailed,
        Timestamp = now,
        TaskId = message.TaskId,
        Name = message.Name,
        Failure = failure,
    };
}
