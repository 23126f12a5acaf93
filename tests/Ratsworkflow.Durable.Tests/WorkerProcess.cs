using Ratsworkflow.Testing;

namespace Ratsworkflow.Durable.Tests;

/// <summary>A real engine worker in its own OS process (tests/Ratsworkflow.Durable.TestWorker), so it can be killed hard.</summary>
internal static class WorkerProcess
{
    public static ChildProcess Start(string connectionString, string hub, int activityDelayMs = 0) =>
        ChildProcess.Start(
            "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "Ratsworkflow.Durable.TestWorker.dll"), connectionString, hub],
            new Dictionary<string, string?> { ["RW_ACTIVITY_DELAY_MS"] = activityDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
