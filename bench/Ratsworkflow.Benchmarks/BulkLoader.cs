using Azure.Data.Tables;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Stores what the dashboard reads of many motions: every index row <see cref="MotionIndex.UpdateAsync"/> writes
/// for a new motion (the app's own <see cref="MotionIndex.Rows"/> and
/// <see cref="MotionListItem"/> mapping), grouped by partition into transactions of 100, many in parallel, and the
/// counters of the stage and overdue lists through <see cref="MotionCounts.AddAsync"/>. The motions' records are
/// not written: neither dashboard reads them (the counting proxy shows it), and on Azurite they are what made a
/// load slow — every record row has the RowKey <c>motion</c>, and Azurite's LokiJS store finds a row by RowKey
/// first, so each record written costs time in proportion to the records already stored (100,000 took over 2 h).
/// </summary>
internal static class BulkLoader
{
    public static async Task LoadAsync(TableServiceClient tables, IReadOnlyList<MotionRecord> motions, int parallel)
    {
        var indexTable = tables.GetTableClient(MotionIndex.TableName);
        await indexTable.CreateIfNotExistsAsync();
        var rows = motions.SelectMany(m => MotionIndex.Rows(m).Distinct().Select(r => MotionListItem.From(m).ToEntity(r.Partition, r.RowKey))).ToList();
        var work = rows.GroupBy(e => e.PartitionKey).SelectMany(partition => partition.Chunk(100)).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (chunk, ct) => await indexTable.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
        var counts = new MotionIndex(tables).Counts;
        foreach (var list in rows.Where(e => MotionCounts.IsCounted(e.PartitionKey)).GroupBy(e => e.PartitionKey))
        {
            await counts.AddAsync(list.Key, list.Count(), CancellationToken.None);
        }
    }
}
