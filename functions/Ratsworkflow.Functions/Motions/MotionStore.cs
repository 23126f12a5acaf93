using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Motions;

/// <summary>Reads and writes motions (record + timeline, one partition each) and keeps the dashboard index in step.</summary>
public sealed class MotionStore(TableServiceClient tables, MotionIndex index)
{
    public const string TableName = "Motions";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Table(tables.GetTableClient(TableName));

    public async Task<MotionRecord?> GetAsync(string motionId, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(motionId, MotionRows.RecordKey, cancellationToken: cancellationToken);
        return row.HasValue ? MotionRows.FromEntity(row.Value!) : null;
    }

    public async Task<(MotionRecord Record, IReadOnlyList<TimelineEntry> Timeline)?> GetWithTimelineAsync(string motionId,
        CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        MotionRecord? record = null;
        var timeline = new List<TimelineEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == motionId, cancellationToken: cancellationToken))
        {
            if (row.RowKey == MotionRows.RecordKey)
            {
                record = MotionRows.FromEntity(row);
            }
            else
            {
                timeline.Add(MotionRows.TimelineFromEntity(row));
            }
        }
        return record is null ? null : (record, timeline.OrderBy(e => e.At).ToList());
    }

    /// <summary>Stores a new motion; false when one with this id exists already.</summary>
    public async Task<bool> CreateAsync(MotionRecord record, TimelineEntry first, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, MotionRows.ToEntity(record)),
                new TableTransactionAction(TableTransactionActionType.Add, MotionRows.ToEntity(record.MotionId, "created", first)),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
        await index.UpdateAsync(null, record, cancellationToken);
        return true;
    }

    /// <summary>
    /// Writes the new record with its timeline entries in one transaction. Entries are keyed by the caller (derived
    /// from the activity's idempotency key), so an activity that runs twice writes each entry once. The index goes
    /// first: it skips lines that did not change, so a rerun must still find the old record to compare with.
    /// </summary>
    public async Task SaveAsync(MotionRecord before, MotionRecord after, IReadOnlyList<(string Key, TimelineEntry Entry)> timeline,
        CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        await index.UpdateAsync(before, after, cancellationToken);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpsertReplace, MotionRows.ToEntity(after)) };
        actions.AddRange(timeline.Select(t =>
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, MotionRows.ToEntity(after.MotionId, t.Key, t.Entry))));
        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Adds one timeline entry and leaves the record alone (a clerk's retry, recorded once it took effect).</summary>
    public async Task AppendTimelineAsync(string motionId, string key, TimelineEntry entry, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        await _table.UpsertEntityAsync(MotionRows.ToEntity(motionId, key, entry), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Rewrites the record and every timeline row (the retention job erasing personal data). The record goes in the
    /// last batch, guarded by its ETag: an interrupted or raced rewrite leaves it unchanged, so the next run repeats it.
    /// </summary>
    public async Task<MotionRecord?> RewriteAsync(string motionId, Func<MotionRecord, MotionRecord> record,
        Func<TimelineEntry, TimelineEntry> entry, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        TableEntity? recordRow = null;
        var changed = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == motionId, cancellationToken: cancellationToken))
        {
            if (row.RowKey == MotionRows.RecordKey)
            {
                recordRow = row;
            }
            else if (MotionRows.TimelineFromEntity(row) is var before && entry(before) is var after && after != before)
            {
                changed.Add(MotionRows.ToEntity(motionId, row.RowKey[MotionRows.TimelinePrefix.Length..], after));
            }
        }
        if (recordRow is null)
        {
            return null;
        }
        var old = MotionRows.FromEntity(recordRow);
        var updated = record(old);
        var actions = changed.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .Append(new TableTransactionAction(TableTransactionActionType.UpdateReplace, MotionRows.ToEntity(updated), recordRow.ETag)).ToList();
        foreach (var chunk in actions.Chunk(100))
        {
            await _table.SubmitTransactionAsync(chunk, cancellationToken);
        }
        await index.UpdateAsync(old, updated, cancellationToken);
        return updated;
    }

    /// <summary>Removes a motion that never became binding (unconfirmed and expired): its personal data goes with it.</summary>
    public async Task DeleteAsync(MotionRecord record, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync();
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == record.MotionId, select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }
        foreach (var chunk in keys.Chunk(100))
        {
            try
            {
                await _table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(record.MotionId, k), ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // A concurrent delete (two timer ticks expiring the same submission) removed some rows first: one batch
                // fails as a whole, single deletes of missing rows succeed.
                await Task.WhenAll(chunk.Select(k => _table.DeleteEntityAsync(record.MotionId, k, ETag.All, cancellationToken)));
            }
        }
        await index.RemoveAsync(record, cancellationToken);
    }

    private Task EnsureTableAsync() => _created.EnsureAsync();
}
