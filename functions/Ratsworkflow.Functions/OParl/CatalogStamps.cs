using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Ratsworkflow.Functions.OParl;

/// <summary>When an object of the configuration was first published and last changed.</summary>
public sealed record Stamp(DateTimeOffset Created, DateTimeOffset Modified);

/// <summary>An object's content that counts as a change, and when storage wrote it (null: unknown, then the time it is first served).</summary>
public sealed record CatalogVersion(string Fingerprint, DateTimeOffset? ChangedAt);

/// <summary>
/// created/modified for the objects that come from the organization catalog (system, body, organizations, people,
/// memberships): a new object is created, a changed one modified, at the time storage wrote the catalog row it comes
/// from — not when a client happens to ask, so every server and every request says the same. One row per object in one
/// partition; reconciled once per loaded catalog (the store reloads it every minute), with writes only when something
/// is new or changed.
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
    /// <param name="fingerprints">Every published object's key, the content that counts as a change, and when it was stored.</param>
    public async Task<IReadOnlyDictionary<string, Stamp>> GetAsync(object source, IReadOnlyDictionary<string, CatalogVersion> fingerprints,
        CancellationToken cancellationToken)
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

    private async Task<IReadOnlyDictionary<string, Stamp>> ReconcileAsync(IReadOnlyDictionary<string, CatalogVersion> fingerprints,
        CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken);
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            rows[row.RowKey] = row;
        }
        var stamps = new Dictionary<string, Stamp>(StringComparer.Ordinal);
        foreach (var (key, version) in fingerprints)
        {
            var hash = Hash(version.Fingerprint);
            rows.TryGetValue(key, out var row);
            if (row is null || row.GetString("Hash") != hash)
            {
                row = await WriteAsync(key, hash, version.ChangedAt ?? clock.GetUtcNow(), row, cancellationToken);
            }
            stamps[key] = new Stamp(row.GetDateTimeOffset("Created") ?? default, row.GetDateTimeOffset("Modified") ?? default);
        }
        return stamps;
    }

    /// <summary>Another server may stamp the same change at the same time: then its row wins and is read back.</summary>
    private async Task<TableEntity> WriteAsync(string key, string hash, DateTimeOffset changedAt, TableEntity? existing,
        CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, key)
        {
            ["Hash"] = hash, ["Created"] = existing?.GetDateTimeOffset("Created") ?? changedAt, ["Modified"] = changedAt,
        };
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
