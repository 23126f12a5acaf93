namespace Ratsworkflow.FunctionApp.Hosting;

/// <summary>Hands the embedded app's log lines (after its own filters) to the worker's logging.</summary>
public sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    /// <summary>The target belongs to the worker, which disposes it.</summary>
    public void Dispose()
    {
    }
}
