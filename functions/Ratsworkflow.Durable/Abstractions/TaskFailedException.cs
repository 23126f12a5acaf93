namespace Ratsworkflow.Durable;

public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null)
{
    public static TaskFailureDetails FromException(Exception exception) =>
        new(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace);
}

/// <summary>An activity failed; thrown into the orchestrator at the awaiting call.</summary>
public sealed class TaskFailedException : Exception
{
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Activity '{taskName}' (task {taskId}) failed: {failureDetails.ErrorType}: {failureDetails.ErrorMessage}")
    {
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    public TaskFailedException() : this("?", -1, new TaskFailureDetails("?", "?")) { }

    public TaskFailedException(string message) : base(message)
    {
        TaskName = "?";
        FailureDetails = new TaskFailureDetails("?", message);
    }

    public TaskFailedException(string message, Exception innerException) : base(message, innerException)
    {
        TaskName = "?";
        FailureDetails = TaskFailureDetails.FromException(innerException);
    }

    public string TaskName { get; }
    public int TaskId { get; }
    public TaskFailureDetails FailureDetails { get; }
}

/// <summary>The stored history does not match what the code does now.</summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    public NonDeterministicOrchestrationException(string message) : base(message) { }
    public NonDeterministicOrchestrationException() { }
    public NonDeterministicOrchestrationException(string message, Exception innerException) : base(message, innerException) { }
}

public sealed class OrchestrationNotFoundException : Exception
{
    public OrchestrationNotFoundException(string instanceId) : base($"No orchestration instance '{instanceId}'.") => InstanceId = instanceId;
    public OrchestrationNotFoundException() : this("?") { }
    public OrchestrationNotFoundException(string message, Exception innerException) : base(message, innerException) => InstanceId = "?";
    public string InstanceId { get; }
}
