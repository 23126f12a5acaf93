using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>
/// The dashboard's lists, each a partition ordered newest first: all motions, per stage, per faction, the overdue
/// ones, and per search word. A list page is one partition range read, however many motions there are.
/// </summary>
public sealed class MotionIndex(TableServiceClient tables)
{
    public const string TableName = "MotionIndex";
    public const string All = "all";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly PublicMotionIndex _public = new(tables);
    private Task? _created;

    public static string StagePartition(MotionStage stage) => "stage-" + stage;

    public static string FactionPartition(string factionId) => "faction-" + factionId;

    public static string OverduePartition => "overdue";

    public static string WordPartition(string word) => "word-" + word;

    /// <summary>Ended motions whose personal data the retention job has yet to erase.</summary>
    public static string RetentionPartition => "retention";

    public static IEnumerable<string> Partitions(MotionRecord record)
    {
        yield return All;
        yield return StagePartition(record.Stage);
        yield return FactionPartition(record.FactionId);
        if (record.Overdue)
        {
            yield return OverduePartition;
        }
        if (record.AwaitsErasure)
        {
            yield return RetentionPartition;
        }
        foreach (var word in SearchWords.Of(record.Title, record.Reference))
        {
            yield return WordPartition(word);
        }
    }

    public static string RowKey(MotionRecord record) =>
        (DateTimeOffset.MaxValue.UtcTicks - record.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + record.MotionId;

    /// <summary>
    /// Moves the motion's rows from <paramref name="before"/>'s lists to <paramref name="after"/>'s. When nothing a
    /// line shows changed (a vote, an acknowledgement: only counts, acks and the time move), no row is written — most
    /// saves of a motion are of that kind. Callers write the index before the record (<see cref="MotionStore.SaveAsync"/>),
    /// so a rerun after a crash still sees the old record as "before" and writes what is missing.
    /// </summary>
    public async Task UpdateAsync(MotionRecord? before, MotionRecord after, CancellationToken cancellationToken)
    {
        if (before is not null && SameLine(before, after))
        {
            await _public.UpdateAsync(before, after, cancellationToken);
            return;
        }
        await EnsureTableAsync();
        var wanted = Partitions(after).ToHashSet();
        var stale = before is null ? [] : Partitions(before).Where(p => !wanted.Contains(p)).ToList();
        var summary = MotionListItem.From(after);
        var key = RowKey(after);
        await Task.WhenAll(
            wanted.Select(p => _table.UpsertEntityAsync(summary.ToEntity(p, key), TableUpdateMode.Replace, cancellationToken))
                .Concat(stale.Select(p => _table.DeleteEntityAsync(p, key, ETag.All, cancellationToken)))
                .Append(_public.UpdateAsync(before, after, cancellationToken)));
    }

    /// <summary>Equal lines mean equal partitions too: they derive from the listed title, reference, stage, faction and overdue flag.</summary>
    internal static bool SameLine(MotionRecord before, MotionRecord after) =>
        MotionListItem.From(before) with { UpdatedAt = default } == MotionListItem.From(after) with { UpdatedAt = default };

    public async Task RemoveAsync(MotionRecord record, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var key = RowKey(record);
        await Task.WhenAll(Partitions(record).Select(p => _table.DeleteEntityAsync(p, key, ETag.All, cancellationToken)));
        await _public.RemoveAsync(record, cancellationToken);
    }

    /// <summary>One page of a list: rows of <paramref name="partition"/> that match <paramref name="filter"/>.</summary>
    public async Task<(IReadOnlyList<MotionListItem> Items, string? Continuation)> PageAsync(string partition, string? filter, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + (filter is null ? "" : " and " + filter);
        await foreach (var page in _table.QueryAsync<TableEntity>(query, maxPerPage: pageSize, cancellationToken: cancellationToken).AsPages(continuation, pageSize))
        {
            return (page.Values.Select(MotionListItem.FromEntity).ToList(), page.ContinuationToken);
        }
        return ([], null);
    }

    /// <summary>How many motions a partition lists (the dashboard's counts per stage): reads keys only.</summary>
    public async Task<int> CountAsync(string partition, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    private Task EnsureTableAsync()
    {
        var created = _created;
        if (created is null || created.IsFaulted)
        {
            _created = created = _table.CreateIfNotExistsAsync();
        }
        return created;
    }
}
