using Ratsworkflow.Durable;

namespace Ratsworkflow.Functions.FunctionsHost;

/// <summary>
/// The functions that infra/functions/*/function.json define besides <c>Http</c>. The Functions host invokes each as
/// <c>POST /{FunctionName}</c> on the handler's loopback port.
/// </summary>
public static class TriggerFunctions
{
    /// <summary>queueTrigger on the engine's control queue (<c>&lt;hub&gt;-control</c>).</summary>
    public const string OrchestrationQueue = nameof(OrchestrationQueue);

    /// <summary>queueTrigger on the engine's work-item queue (<c>&lt;hub&gt;-workitems</c>).</summary>
    public const string ActivityQueue = nameof(ActivityQueue);

    /// <summary>timerTrigger: fires due durable timers and runs the app's <see cref="IPeriodicWork"/>.</summary>
    public const string TimerTick = nameof(TimerTick);

    /// <summary>The queue triggers' binding name: the key of the message in the request's <c>Data</c>.</summary>
    public const string MessageBinding = "message";

    /// <summary>The timer trigger's binding name.</summary>
    public const string TimerBinding = "timer";

    public static IReadOnlyList<string> All { get; } = [OrchestrationQueue, ActivityQueue, TimerTick];

    /// <summary>The engine queue a queue-trigger function drains, or null for other names.</summary>
    public static QueueKind? QueueOf(string functionName) => functionName switch
    {
        OrchestrationQueue => QueueKind.Control,
        ActivityQueue => QueueKind.WorkItems,
        _ => null,
    };

    /// <summary>The function a request path names (<c>/OrchestrationQueue</c>, case-insensitive), or null.</summary>
    public static string? FromPath(PathString path) =>
        All.FirstOrDefault(name => path.Equals("/" + name, StringComparison.OrdinalIgnoreCase));
}
