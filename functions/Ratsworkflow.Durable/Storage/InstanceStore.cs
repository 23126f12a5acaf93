using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Durable.Storage;

internal sealed record InboxItem(string RowKey, string? ExecutionId, HistoryEvent Event);

/// <summary>Everything stored for one instance, read with one partition query.</summary>
internal sealed record LoadedInstance(
    InstanceRow Row,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<InboxItem> Inbox,
    IReadOnlyList<TableEntity> Outbox,
    IReadOnlyList<TableEntity> Stale);

/// <summary>Reads and writes the rows of an instance's partition.</summary>
internal sealed class InstanceStore(TaskHubStorage storage, PayloadStore payloads)
{
    public async Task<LoadedInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var found in storage.Instances.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cancellationToken))
        {
            rows.Add(found);
        }
        var instance = rows.FirstOrDefault(r => r.RowKey == RowKeys.Instance);
        if (instance is null)
        {
            return rows.Count == 0 ? null : new LoadedInstance(InstanceRow.New(instanceId), [], [], [], rows);
        }
        var row = new InstanceRow(instance);
        var historyPrefix = RowKeys.HistoryPrefix + row.ExecutionId + "|";
        var history = new List<HistoryEvent>();
        var inbox = new List<InboxItem>();
        var outbox = new List<TableEntity>();
        var stale = new List<TableEntity>();
        foreach (var entity in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            if (entity.RowKey.StartsWith(historyPrefix, StringComparison.Ordinal))
            {
                history.AddRange(Deserialize<List<HistoryEvent>>(await payloads.UnpackAsync(entity.GetString("Events"))));
            }
            else if (entity.RowKey.StartsWith(RowKeys.HistoryPrefix, StringComparison.Ordinal))
            {
                stale.Add(entity);
            }
            else if (entity.RowKey.StartsWith(RowKeys.InboxPrefix, StringComparison.Ordinal))
            {
                var e = Deserialize<HistoryEvent>(await payloads.UnpackAsync(entity.GetString("Event")));
                inbox.Add(new InboxItem(entity.RowKey, entity.GetString("ExecutionId"), e));
            }
            else if (entity.RowKey.StartsWith(RowKeys.OutboxPrefix, StringComparison.Ordinal))
            {
                outbox.Add(entity);
            }
        }
        return new LoadedInstance(row, history, inbox, outbox, stale);
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        (await LoadAsync(instanceId, cancellationToken))?.History ?? [];

    public async Task<InstanceRow?> GetInstanceRowAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await storage.Instances.GetEntityIfExistsAsync<TableEntity>(instanceId, RowKeys.Instance, cancellationToken: cancellationToken);
        return response.HasValue ? new InstanceRow(response.Value!) : null;
    }

    public async Task<TableEntity> InboxRowAsync(string instanceId, string rowKey, string? executionId, HistoryEvent e) =>
        new(instanceId, rowKey)
        {
            ["Event"] = await payloads.PackAsync(instanceId, Serialize(e)),
            ["ExecutionId"] = executionId,
        };

    public async Task<TableEntity> HistoryRowAsync(string instanceId, string executionId, int sequence, IReadOnlyList<HistoryEvent> events) =>
        new(instanceId, RowKeys.History(executionId, sequence))
        {
            ["Events"] = await payloads.PackAsync(instanceId, Serialize(events)),
        };

    public async Task<TableEntity> OutboxRowAsync(string instanceId, string executionId, int sequence, IReadOnlyList<OutboxMessage> messages, string suffix = "") =>
        new(instanceId, RowKeys.Outbox(executionId, sequence) + suffix)
        {
            ["Messages"] = await payloads.PackAsync(instanceId, Serialize(messages)),
        };

    public async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(TableEntity row) =>
        Deserialize<List<OutboxMessage>>(await payloads.UnpackAsync(row.GetString("Messages")));

    /// <summary>Upserts so that a completion or timer delivered twice still leaves one row.</summary>
    public async Task PutInboxAsync(string instanceId, string rowKey, string? executionId, HistoryEvent e, CancellationToken cancellationToken) =>
        await storage.Instances.UpsertEntityAsync(await InboxRowAsync(instanceId, rowKey, executionId, e), TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteRowsAsync(string instanceId, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(100))
        {
            var batch = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All));
            try
            {
                await storage.Instances.SubmitTransactionAsync(batch, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Someone else already removed some of them; remove the rest one by one.
                foreach (var key in chunk)
                {
                    await storage.Instances.DeleteEntityAsync(instanceId, key, ETag.All, cancellationToken);
                }
            }
        }
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, DataConverter.Options);

    private static T Deserialize<T>(string? json) =>
        JsonSerializer.Deserialize<T>(json ?? "null", DataConverter.Options) ?? throw new JsonException("A stored engine row is empty.");
}
