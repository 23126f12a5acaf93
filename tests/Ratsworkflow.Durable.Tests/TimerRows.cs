using Azure.Data.Tables;

namespace Ratsworkflow.Durable.Tests;

/// <summary>Reads the hub's timer table directly, so tests can wait until a timer is stored before moving the clock.</summary>
internal static class TimerRows
{
    public static async Task<int> CountAsync(string connectionString, string hub)
    {
        var table = new TableClient(connectionString, hub + "Timers");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count++;
        }
        return count;
    }

    public static async Task WaitForAsync(string connectionString, string hub, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await CountAsync(connectionString, hub) != count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {count} timer rows in hub {hub}.");
            }
            await Task.Delay(20);
        }
    }
}
