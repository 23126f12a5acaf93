using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.OParl;

/// <summary>When an object of the configuration was first published and last changed.</summary>
public sealed record Stamp(DateTimeOffset Created, DateTimeOffset Modified);

/// <summary>
/// created/modified for the objects that come from the organization catalog (body, organizations, people,
/// memberships), which keeps no times of its own: the first time the API serves an object is its creation, the first
/// time it serves it with other content its modification. One row per object in one partition; reconciled once per
/// loaded catalog (the store reloads it every minute), with writes only when something is new or changed.
/// </summary>
public sealed class CatalogStamps(TableServiceClient tables, TimeProvider clock) : IDisposable
{
    public const string TableName = "OParlStamps";
    private const string Partition = "catalog";
    private readonly TableClient _table = tables.GetTableClient(TableName);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private object? _stampedFor;
    private IReadOnlyDictionary<string, Stamp> _stamps = new Dictionary<string, Stamp>();

    /// <param name="source">The catalog the fingerprints were taken from: the same instance is reconciled only once.</param>
    /// <param name="fingerprints">Every published object's key and the content that counts as a change.</param>
    public async Task<IReadOnlyDictionary<string, Stamp>> GetAsync(object source, IReadOnlyDictionary<string, string> fingerprints, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(Volatile.Read(ref _stampedFor), source))
        {
            return _stamps;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(_stampedFor, source))
            {
                _stamps = await ReconcileAsync(fingerprints, cancellationToken);
                Volatile.Write(ref _stampedFor, source);
            }
            return _stamps;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, Stamp>> ReconcileAsync(IReadOnlyDictionary<string, string> fingerprints, CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            rows[row.RowKey] = row;
        }
        var stamps = new Dictionary<string, Stamp>(StringComparer.Ordinal);
        foreach (var (key, fingerprint) in fingerprints)
        {
            var hash = Hash(fingerprint);
            rows.TryGetValue(key, out var row);
            if (row is null || row.GetString("Hash") != hash)
            {
                row = await WriteAsync(key, hash, row, cancellationToken);
            }
            stamps[key] = new Stamp(row.GetDateTimeOffset("Created") ?? default, row.GetDateTimeOffset("Modified") ?? default);
        }
        return stamps;
    }

    /// <summary>Another server may stamp the same change at the same time: then its row wins and is read back.</summary>
    private async Task<TableEntity> WriteAsync(string key, string hash, TableEntity? existing, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = new TableEntity(Partition, key) { ["Hash"] = hash, ["Created"] = existing?.GetDateTimeOffset("Created") ?? now, ["Modified"] = now };
        try
        {
            if (existing is null)
            {
                await _table.AddEntityAsync(row, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            return row;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return (await _table.GetEntityAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken)).Value;
        }
    }

    public void Dispose() => _gate.Dispose();

    private static string Hash(string fingerprint) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
}
