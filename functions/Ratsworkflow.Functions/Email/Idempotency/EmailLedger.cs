using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.Email;

/// <summary>
/// One row per idempotency key in an Azure table: <c>Pending</c> while an attempt sends it, <c>Sent</c> once done.
/// Every change is guarded by insert-if-absent or the row's ETag, so two workers never both own a key.
/// </summary>
internal sealed class EmailLedger(TableServiceClient tables, string tableName)
{
    private readonly TableClient _table = tables.GetTableClient(tableName);
    private readonly Storage.CreateOnce _created = Storage.CreateOnce.Table(tables.GetTableClient(tableName));

    public async Task<LedgerRow?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var (partition, row) = Keys(key);
        var found = await _table.GetEntityIfExistsAsync<LedgerRow>(partition, row, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Claims a key nobody has touched; null when another attempt inserted it first.</summary>
    public async Task<LedgerRow?> TryClaimAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var (partition, row) = Keys(key);
        var claim = new LedgerRow
        {
            PartitionKey = partition,
            RowKey = row,
            Key = Privacy.Redaction.Addresses(key),
            State = LedgerRow.Pending,
            ClaimedAt = now,
        };
        try
        {
            var response = await _table.AddEntityAsync(claim, cancellationToken);
            claim.ETag = response.Headers.ETag ?? ETag.All;
            return claim;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Takes over a claim whose attempt died; null when someone else changed the row since it was read.</summary>
    public async Task<LedgerRow?> TryTakeOverAsync(LedgerRow stale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        stale.ClaimedAt = now;
        try
        {
            var response = await _table.UpdateEntityAsync(stale, stale.ETag, TableUpdateMode.Replace, cancellationToken);
            stale.ETag = response.Headers.ETag ?? ETag.All;
            return stale;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Gives a claim back after a failed send, so a retry sends at once instead of waiting for the timeout.</summary>
    public async Task ReleaseAsync(LedgerRow claim)
    {
        try
        {
            await _table.DeleteEntityAsync(claim.PartitionKey, claim.RowKey, claim.ETag, CancellationToken.None);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Taken over meanwhile: the row belongs to the other attempt now.
        }
    }

    /// <summary>Unconditional: the mail went out, whoever else holds the row by now.</summary>
    public async Task MarkSentAsync(LedgerRow claim, EmailMessage message, DateTimeOffset now)
    {
        claim.State = LedgerRow.Sent;
        claim.SentAt = now;
        claim.Subject = message.Subject;
        claim.RecipientCount = message.To.Count;
        await _table.UpsertEntityAsync(claim, TableUpdateMode.Replace, CancellationToken.None);
    }

    /// <summary>Creates the table on first use; a failed attempt (storage down) is tried again next time.</summary>
    private Task EnsureTableAsync() => _created.EnsureAsync();

    /// <summary>Hashed keys spread over 256 partitions and never contain characters table keys forbid (/ \ # ?).</summary>
    private static (string Partition, string Row) Keys(string key)
    {
        var hash = MailHeaders.Hash(key);
        return (hash[..2], hash);
    }
}

internal sealed class LedgerRow : ITableEntity
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The key for whoever reads the table, its addresses hashed (the row outlives the motion's retention).</summary>
    public string Key { get; set; } = "";
    public string State { get; set; } = Pending;
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? Subject { get; set; }
    /// <summary>How many received it; not who (their addresses are personal data, kept in the motion only).</summary>
    public int RecipientCount { get; set; }

    public bool IsSent => State == Sent;
}
