namespace Ratsworkflow.Functions.Periodic;

/// <summary>
/// Work an app feature wants done regularly (e.g. the daily overdue check, expiring confirmations). Register it with
/// <c>services.AddSingleton&lt;IPeriodicWork, MyWork&gt;()</c> (or scoped/transient). Every registration runs on each
/// tick: in the local server every <c>ratsworkflow:periodicWorkInterval</c> of host.json, in Azure on the Functions
/// app's timer trigger. A run is a wake-up, not a schedule: decide from the clock and
/// from storage whether something is due, keep it short, and make it safe to run twice or on several instances.
/// </summary>
public interface IPeriodicWork
{
    Task RunAsync(CancellationToken cancellationToken);
}
