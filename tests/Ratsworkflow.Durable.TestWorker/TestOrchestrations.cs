using Azure.Data.Tables;

namespace Ratsworkflow.Durable.TestWorker;

/// <summary>Orchestrations and activities the engine tests run, in-process and in killed child processes alike.</summary>
public static class TestOrchestrations
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<ChainOrchestrator>()
        .AddOrchestrator<FailureOrchestrator>()
        .AddOrchestrator<RetryOrchestrator>()
        .AddOrchestrator<ApprovalOrchestrator>()
        .AddOrchestrator<EventOrTimeoutOrchestrator>()
        .AddOrchestrator<TimeoutThenEventOrchestrator>()
        .AddOrchestrator<LongTimerOrchestrator>()
        .AddOrchestrator<CounterOrchestrator>()
        .AddOrchestrator<FlakyBeforeDeadlineOrchestrator>()
        .AddOrchestrator<BrokenOrchestrator>()
        .AddActivity<AddActivity>()
        .AddActivity<FailActivity>()
        .AddActivity<FlakyActivity>();
}

/// <summary>Input: (start, steps). Calls Add step times, each feeding the next, and returns the sum.</summary>
public sealed class ChainOrchestrator : TaskOrchestrator<ChainInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, ChainInput input)
    {
        var value = input.Start;
        for (var i = 0; i < input.Steps; i++)
        {
            context.SetCustomStatus(new { step = i });
            value = await context.CallActivityAsync<int>(nameof(AddActivity), new AddInput(value, 1, input.RunLog));
        }
        return value;
    }
}

public sealed record ChainInput(int Start, int Steps, string? RunLog = null);

public sealed record AddInput(int Value, int Increment, string? RunLog = null);

/// <summary>Adds; optionally records each run (instance, task, process) so tests can see re-runs and who worked.</summary>
public sealed class AddActivity(TestSettings settings) : TaskActivity<AddInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, AddInput input)
    {
        if (settings.ActivityDelay > TimeSpan.Zero)
        {
            await Task.Delay(settings.ActivityDelay, context.CancellationToken);
        }
        if (input.RunLog is { } table && settings.ConnectionString is { } connection)
        {
            var client = new TableClient(connection, table);
            await client.AddEntityAsync(new TableEntity(context.InstanceId, Guid.NewGuid().ToString("N"))
            {
                ["TaskId"] = context.TaskId,
                ["ProcessId"] = Environment.ProcessId,
            }, context.CancellationToken);
        }
        return input.Value + input.Increment;
    }
}

public sealed class TestSettings
{
    public TimeSpan ActivityDelay { get; set; }
    public string? ConnectionString { get; set; }
}

public sealed class FailActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => throw new InvalidOperationException(input);
}

/// <summary>Fails until it has been called <c>failures</c> times for this instance, then succeeds.</summary>
public sealed class FlakyActivity : TaskActivity<int, string>
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Calls = new();

    public static int CallsFor(string instanceId) => Calls.GetValueOrDefault(instanceId);

    public override Task<string> RunAsync(TaskActivityContext context, int failures)
    {
        var call = Calls.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
        return call <= failures ? throw new InvalidOperationException($"Flaky failure {call}") : Task.FromResult($"ok after {call}");
    }
}

/// <summary>Catches an activity's failure and returns what the orchestrator saw.</summary>
public sealed class FailureOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        try
        {
            await context.CallActivityAsync<string>(nameof(FailActivity), input);
            return "no failure";
        }
        catch (TaskFailedException ex)
        {
            return $"{ex.TaskName}: {ex.FailureDetails.ErrorMessage}";
        }
    }
}

public sealed class RetryOrchestrator : TaskOrchestrator<RetryInput, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, RetryInput input) =>
        context.CallActivityAsync<string>(nameof(FlakyActivity), input.Failures,
            TaskOptions.FromRetryPolicy(new RetryPolicy(input.Attempts, TimeSpan.Zero)));
}

public sealed record RetryInput(int Failures, int Attempts);

/// <summary>Sets a deadline a day ahead, then calls Flaky once without retries, and ends when both are done.</summary>
public sealed class FlakyBeforeDeadlineOrchestrator : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int failures)
    {
        var deadline = context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
        var result = await context.CallActivityAsync<string>(nameof(FlakyActivity), failures);
        context.SetCustomStatus("called");
        await deadline;
        return result;
    }
}

/// <summary>Fails by itself, with no activity involved: a bug in the code.</summary>
public sealed class BrokenOrchestrator : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        throw new InvalidOperationException("Fehler im Code");
}

public sealed class ApprovalOrchestrator : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus("waiting");
        var first = await context.WaitForExternalEvent<string>("Approval");
        var second = await context.WaitForExternalEvent<string>("Approval");
        return $"{first},{second}";
    }
}

public sealed class EventOrTimeoutOrchestrator : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int timeoutDays)
    {
        context.SetCustomStatus("waiting");
        try
        {
            return "event:" + await context.WaitForExternalEvent<string>("Vote", TimeSpan.FromDays(timeoutDays));
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }
}

/// <summary>The first wait times out; the event sent after that must reach the second wait, not the cancelled one.</summary>
public sealed class TimeoutThenEventOrchestrator : TaskOrchestrator<string?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus("first");
        try
        {
            await context.WaitForExternalEvent<string>("Vote", TimeSpan.FromHours(1));
            return "first wait got the event";
        }
        catch (TaskCanceledException)
        {
            context.SetCustomStatus("second");
        }
        return "second:" + await context.WaitForExternalEvent<string>("Vote");
    }
}

public sealed class LongTimerOrchestrator : TaskOrchestrator<int, DateTime>
{
    public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, int days)
    {
        context.SetCustomStatus("sleeping");
        await context.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None);
        return context.CurrentUtcDateTime;
    }
}

/// <summary>Adds each "Add" event to its input and continues as new, until it gets "Stop".</summary>
public sealed class CounterOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int total)
    {
        context.SetCustomStatus(total);
        var command = await context.WaitForExternalEvent<string>("Command");
        if (command == "stop")
        {
            return total;
        }
        context.ContinueAsNew(total + int.Parse(command, System.Globalization.CultureInfo.InvariantCulture));
        return total;
    }
}
