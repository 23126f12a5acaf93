using Ratsworkflow.Durable;
using Ratsworkflow.Functions.FunctionsHost;

namespace Ratsworkflow.Functions.Tests.FunctionsHost;

/// <summary>
/// Test-only orchestrations: the app has no workflow of its own yet, and these exercise exactly the two queues and
/// the timer that the Functions host drives.
/// </summary>
internal static class TestWorkflows
{
    public static void Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<GreetingOrchestrator>()
        .AddOrchestrator<NapOrchestrator>()
        .AddActivity<GreetActivity>();
}

/// <summary>One activity call: control queue → work-item queue → control queue → completed.</summary>
internal sealed class GreetingOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(GreetActivity), input);
}

internal sealed class GreetActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Moin, {input}!");
}

/// <summary>A durable timer ten minutes ahead; only a TimerTick after the clock has passed it wakes the instance.</summary>
internal sealed class NapOrchestrator : TaskOrchestrator<string?, string>
{
    public static readonly TimeSpan Nap = TimeSpan.FromMinutes(10);

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        await context.CreateTimer(context.CurrentUtcDateTime + Nap, CancellationToken.None);
        return "ausgeschlafen";
    }
}

/// <summary>Counts its runs, and fails on request, to see TimerTick run the app's periodic work.</summary>
internal sealed class CountingWork : IPeriodicWork
{
    private int _runs;

    public int Runs => _runs;

    public bool Fail { get; set; }

    public Task RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Fail ? throw new InvalidOperationException("Wartung fehlgeschlagen") : Task.CompletedTask;
    }
}
