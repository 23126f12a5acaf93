using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Ratsworkflow.FunctionApp.Durable;
using Ratsworkflow.FunctionApp.Hosting;
using Ratsworkflow.Functions.Periodic;

namespace Ratsworkflow.FunctionApp.Functions;

/// <summary>
/// The periodic work (expiring confirmations, counter recount, personal data retention) once a minute, in place of the
/// local server's timer. A run is a wake-up, not a schedule: each work decides from the clock and storage what is due.
/// </summary>
public sealed class PeriodicWorkFunction(EmbeddedApp app, BoundDurableTaskClient engine)
{
    public const string Name = "PeriodicWork";

    /// <summary>NCRONTAB with seconds, in UTC (Flex Consumption has no time zone setting): second 0 of every minute.</summary>
    public const string EveryMinute = "0 * * * * *";

    /// <summary>
    /// useMonitor: a tick missed while the app was scaled to zero runs late instead of never (the schedule's state is
    /// kept in AzureWebJobsStorage); runOnStartup stays off, so a cold start does not add a run.
    /// </summary>
    [Function(Name)]
    public async Task RunAsync([TimerTrigger(EveryMinute, UseMonitor = true)] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        engine.Bind(client);
        var services = await app.GetServicesAsync();
        var failures = await services.GetRequiredService<PeriodicWorkRunner>().RunAllAsync(cancellationToken);
        if (failures.Count > 0)
        {
            // Each failure is logged already and the others ran; failing the invocation makes it show in monitoring.
            throw new InvalidOperationException($"Periodic work failed: {string.Join("; ", failures)}");
        }
    }
}
