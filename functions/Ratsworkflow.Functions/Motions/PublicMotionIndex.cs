using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>One page of public motions and the key to continue after its last one.</summary>
public sealed record PublicMotionPage(IReadOnlyList<PublicMotion> Items, string? LastKey, bool HasMore);

/// <summary>Time bounds of a list, all inclusive, any of them open (OParl's created_/modified_since/until).</summary>
public sealed record PublicMotionRange(
    DateTimeOffset? CreatedSince = null,
    DateTimeOffset? CreatedUntil = null,
    DateTimeOffset? ModifiedSince = null,
    DateTimeOffset? ModifiedUntil = null)
{
    public bool ByModified => ModifiedSince is not null || ModifiedUntil is not null;
}

/// <summary>
/// The public projection of every registered motion (<see cref="PublicMotion"/>), kept in step by
/// <see cref="MotionIndex"/>. Two partitions, both oldest first so a client paging through them sees new motions at
/// the end: <c>created</c> by registration time and <c>modified</c> by last change (a changed motion moves to the
/// end). A page is one range read of one partition, with the time bounds in the row keys.
/// </summary>
public sealed class PublicMotionIndex(TableServiceClient tables)
{
    public const string TableName = "PublicMotions";
    public const string CreatedPartition = "created";
    public const string ModifiedPartition = "modified";
    private const string MetaPartition = "meta";
    private const string BuiltRow = "built";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Table(tables.GetTableClient(TableName));
    private Task? _built;

    public static string Key(DateTimeOffset at, string motionId) =>
        at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + motionId;

    public async Task UpdateAsync(MotionRecord? before, MotionRecord after, CancellationToken cancellationToken)
    {
        var wasPublic = before is not null && PublicMotion.IsPublic(before);
        if (!PublicMotion.IsPublic(after))
        {
            if (wasPublic)
            {
                await RemoveAsync(before!, cancellationToken);
            }
            return;
        }
        await EnsureTableAsync();
        var motion = PublicMotion.From(after);
        var createdKey = Key(motion.RegisteredAt, motion.MotionId);
        var modifiedKey = Key(motion.UpdatedAt, motion.MotionId);
        // The row of the created partition remembers where the motion sits in the modified one, so a caller's stale
        // "before" (an activity that runs twice) never leaves a second modified row behind.
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(CreatedPartition, createdKey, cancellationToken: cancellationToken);
        var json = JsonSerializer.Serialize(motion, MotionRows.Json);
        var stale = current.HasValue && current.Value!.GetString("ModifiedKey") is { } key && key != modifiedKey ? key : null;
        await Task.WhenAll(
            _table.UpsertEntityAsync(new TableEntity(CreatedPartition, createdKey) { ["Json"] = json, ["ModifiedKey"] = modifiedKey },
                TableUpdateMode.Replace, cancellationToken),
            _table.UpsertEntityAsync(new TableEntity(ModifiedPartition, modifiedKey) { ["Json"] = json, ["Created"] = motion.RegisteredAt },
                TableUpdateMode.Replace, cancellationToken),
            stale is null ? Task.CompletedTask : DeleteIfExistsAsync(ModifiedPartition, stale, cancellationToken));
    }

    public async Task RemoveAsync(MotionRecord record, CancellationToken cancellationToken)
    {
        if (!PublicMotion.IsPublic(record))
        {
            return;
        }
        await EnsureTableAsync();
        var motion = PublicMotion.From(record);
        var createdKey = Key(motion.RegisteredAt, motion.MotionId);
        var current = await _table.GetEntityIfExistsAsync<TableEntity>(CreatedPartition, createdKey, cancellationToken: cancellationToken);
        if (current.HasValue && current.Value!.GetString("ModifiedKey") is { } modifiedKey)
        {
            await DeleteIfExistsAsync(ModifiedPartition, modifiedKey, cancellationToken);
        }
        await DeleteIfExistsAsync(CreatedPartition, createdKey, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> motions within <paramref name="range"/> after the row key
    /// <paramref name="afterKey"/>: by registration, or by last change when the range bounds the change time.
    /// </summary>
    public async Task<PublicMotionPage> PageAsync(PublicMotionRange range, string? afterKey, int limit, CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var (partition, since, until) = range.ByModified
            ? (ModifiedPartition, range.ModifiedSince, range.ModifiedUntil)
            : (CreatedPartition, range.CreatedSince, range.CreatedUntil);
        var filters = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (since is { } s)
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey ge {Bound(s)}"));
        }
        if (until is { } u)
        {
            // Every key of the last tick sorts below the next tick's bound.
            filters.Add(TableClient.CreateQueryFilter($"RowKey lt {Bound(u.AddTicks(1))}"));
        }
        if (afterKey is { Length: > 0 })
        {
            filters.Add(TableClient.CreateQueryFilter($"RowKey gt {afterKey}"));
        }
        if (range.ByModified && range.CreatedSince is { } cs)
        {
            filters.Add(TableClient.CreateQueryFilter($"Created ge {cs}"));
        }
        if (range.ByModified && range.CreatedUntil is { } cu)
        {
            filters.Add(TableClient.CreateQueryFilter($"Created le {cu}"));
        }
        var rows = new List<TableEntity>(limit + 1);
        await foreach (var row in _table.QueryAsync<TableEntity>(string.Join(" and ", filters), maxPerPage: Math.Min(limit + 1, 1000),
            select: ["RowKey", "Json"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > limit)
            {
                break;
            }
        }
        var page = rows.Take(limit).ToList();
        return new PublicMotionPage(page.Select(Read).ToList(), page.Count > 0 ? page[^1].RowKey : null, rows.Count > limit);
    }

    /// <summary>Every public motion, oldest first: the source of the derived lists (meetings, calendars), ~1 KB each.</summary>
    public async Task<IReadOnlyList<PublicMotion>> AllAsync(CancellationToken cancellationToken)
    {
        await EnsureBuiltAsync(cancellationToken);
        var all = new List<PublicMotion>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == CreatedPartition, select: ["Json"],
            cancellationToken: cancellationToken))
        {
            all.Add(Read(row));
        }
        return all;
    }

    /// <summary>
    /// Fills the projection once from the motions stored before it existed; a marker row says it is done. Rows the
    /// workflow wrote in the meantime are newer and stay.
    /// </summary>
    public Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        var built = _built;
        if (built is null || built.IsFaulted || built.IsCanceled)
        {
            _built = built = BuildAsync(cancellationToken);
        }
        return built;
    }

    private async Task BuildAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        if ((await _table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BuiltRow, cancellationToken: cancellationToken)).HasValue)
        {
            return;
        }
        var motions = tables.GetTableClient(MotionStore.TableName);
        await motions.CreateIfNotExistsAsync(cancellationToken);
        await foreach (var row in motions.QueryAsync<TableEntity>(e => e.RowKey == MotionRows.RecordKey, cancellationToken: cancellationToken))
        {
            var record = MotionRows.FromEntity(row);
            if (PublicMotion.IsPublic(record) &&
                !(await _table.GetEntityIfExistsAsync<TableEntity>(CreatedPartition,
                    Key(PublicMotion.From(record).RegisteredAt, record.MotionId), select: ["RowKey"],
                    cancellationToken: cancellationToken)).HasValue)
            {
                await UpdateAsync(null, record, cancellationToken);
            }
        }
        await _table.UpsertEntityAsync(new TableEntity(MetaPartition, BuiltRow), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Two saves of one motion at once may both remove the same old row: the second finds it gone.</summary>
    private async Task DeleteIfExistsAsync(string partition, string key, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(partition, key, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    private static string Bound(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private static PublicMotion Read(TableEntity row) =>
        JsonSerializer.Deserialize<PublicMotion>(row.GetString("Json") ?? "null", MotionRows.Json)
            ?? throw new JsonException($"Public motion row {row.RowKey} is empty.");

    private Task EnsureTableAsync() => _created.EnsureAsync();
}
