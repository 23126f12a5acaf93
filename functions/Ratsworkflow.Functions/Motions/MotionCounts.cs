using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// How many motions each counted list holds (the stage lists and the overdue list: the dashboard's numbers), kept
/// as counter rows so the dashboard reads them in one small query however many motions are stored — counting the
/// lists' rows would read every motion on every page view. <see cref="MotionIndex"/> moves a counter only when a row
/// really entered (insert, not replace) or left (delete found it) a list, so a rerun step counts nothing twice.
/// Each list has <see cref="Shards"/> rows and a change picks one at random, so concurrent saves seldom contend for
/// one ETag. A process that dies between row and counter leaves a counter off by one: <see cref="RecountAsync"/>
/// (hourly, <see cref="MotionCountsRecount"/>) sets the counters to what the lists hold.
/// </summary>
public sealed class MotionCounts(TableServiceClient tables)
{
    public const string TableName = "MotionCounts";
    public const int Shards = 8;
    private const string CountColumn = "Count";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly Storage.CreateOnce _ensure = Storage.CreateOnce.Table(tables.GetTableClient(TableName));

    public static bool IsCounted(string partition) =>
        partition == MotionIndex.OverduePartition || partition.StartsWith(MotionIndex.StagePrefix, StringComparison.Ordinal);

    /// <summary>Every counted list's number (lists never counted are absent).</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReadAsync(CancellationToken cancellationToken)
    {
        await _ensure.EnsureAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey", CountColumn], cancellationToken: cancellationToken))
        {
            counts[row.PartitionKey] = counts.GetValueOrDefault(row.PartitionKey) + (row.GetInt32(CountColumn) ?? 0);
        }
        return counts;
    }

    public async Task AddAsync(string partition, int delta, CancellationToken cancellationToken)
    {
        await _ensure.EnsureAsync();
        var shard = Random.Shared.Next(Shards).ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            try
            {
                var current = await _table.GetEntityIfExistsAsync<TableEntity>(partition, shard, cancellationToken: cancellationToken);
                if (current.HasValue && current.Value is { } row)
                {
                    row[CountColumn] = (row.GetInt32(CountColumn) ?? 0) + delta;
                    await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(new TableEntity(partition, shard) { [CountColumn] = delta }, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another save moved the same shard in between: read it again.
            }
        }
    }

    /// <summary>
    /// Sets every counted list's counter to the number of rows it holds. A list that changed while it was being
    /// counted is left for the next run (its counter moved, so the count may already be stale); the correction is
    /// added as a delta, so a save at the same moment is not overwritten. Returns the lists corrected.
    /// </summary>
    public async Task<int> RecountAsync(MotionIndex index, IEnumerable<string> partitions, CancellationToken cancellationToken)
    {
        var corrected = 0;
        foreach (var partition in partitions)
        {
            var before = (await ReadAsync(cancellationToken)).GetValueOrDefault(partition);
            var rows = await index.CountRowsAsync(partition, cancellationToken);
            var after = (await ReadAsync(cancellationToken)).GetValueOrDefault(partition);
            if (before == after && rows != after)
            {
                await AddAsync(partition, rows - after, cancellationToken);
                corrected++;
            }
        }
        return corrected;
    }
}
