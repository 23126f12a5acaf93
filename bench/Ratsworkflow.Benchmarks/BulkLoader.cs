using Azure.Data.Tables;
using Ratsworkflow.Functions.Motions;

namespace Ratsworkflow.Benchmarks;

/// <summary>
/// Stores motions with exactly the rows <see cref="MotionStore.CreateAsync"/> writes (the app's own
/// <c>MotionRows</c> and <see cref="MotionIndex"/> mapping), grouped for speed: a motion's record and first timeline
/// entry in one transaction (its own partition), and index rows by partition in transactions of 100, many in
/// parallel. Per-motion saves would need ~9 requests each, which kept 100,000 motions out of reach on Azurite. The
/// public projection (its own table) is not written: the dashboard does not read it.
/// </summary>
internal static class BulkLoader
{
    public static async Task LoadAsync(TableServiceClient tables, IReadOnlyList<MotionRecord> motions, int parallel)
    {
        var motionTable = tables.GetTableClient(MotionStore.TableName);
        var indexTable = tables.GetTableClient(MotionIndex.TableName);
        await motionTable.CreateIfNotExistsAsync();
        await indexTable.CreateIfNotExistsAsync();
        var work = new List<(TableClient Table, List<TableTransactionAction> Actions)>();
        foreach (var m in motions)
        {
            var first = new TimelineEntry(m.CreatedAt, "submitted", "Antrag eingereicht.", m.SubmitterName);
            work.Add((motionTable, [
                new(TableTransactionActionType.UpsertReplace, MotionRows.ToEntity(m)),
                new(TableTransactionActionType.UpsertReplace, MotionRows.ToEntity(m.MotionId, "created", first))]));
        }
        var rows = motions.SelectMany(m => MotionIndex.Partitions(m).Distinct().Select(p => MotionListItem.From(m).ToEntity(p, MotionIndex.RowKey(m))));
        foreach (var partition in rows.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                work.Add((indexTable, chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList()));
            }
        }
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (w, ct) => await w.Table.SubmitTransactionAsync(w.Actions, ct));
    }
}
